using System.Text.Json;
using SIaM.Core;
using SIaM.TorchSharp.Models;
using SIaM.Training.Checkpoints;
using SIaM.Training.Optimization;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SIaM.Training.Trainers;

/// <summary>
/// Mid-training state in one directory: weights.safetensors, optimizer.safetensors and state.json (update count and
/// the options it was trained with). Written to a sibling folder and swapped in, so a crash leaves the previous one.
/// </summary>
public static class TrainingCheckpoint
{
    private sealed record State(int Step, string Options);

    /// <summary>Saves the state after <paramref name="step"/> updates.</summary>
    public static void Save(string directory, CausalLm lm, AdamW optimizer, int step, TrainingOptions options)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var staging = full + ".saving";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        HfCheckpointWriter.SaveWeights(lm, Path.Combine(staging, "weights.safetensors"));
        optimizer.Save(Path.Combine(staging, "optimizer.safetensors"));
        File.WriteAllText(Path.Combine(staging, "state.json"), JsonSerializer.Serialize(new State(step, options.ToString())));
        var old = full + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(full)) Directory.Move(full, old);
        Directory.Move(staging, full);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>
    /// Restores a checkpoint into <paramref name="lm"/> and <paramref name="optimizer"/> and returns its update count;
    /// 0 when there is none. A checkpoint of a run with other options is refused.
    /// </summary>
    public static int TryRestore(string directory, CausalLm lm, AdamW optimizer, TrainingOptions options)
    {
        var stateFile = Path.Combine(directory, "state.json");
        if (!File.Exists(stateFile)) return 0;
        var state = JsonSerializer.Deserialize<State>(File.ReadAllText(stateFile))
            ?? throw new InputException($"{stateFile}: empty training state");
        if (state.Options != options.ToString())
            throw new InputException($"{directory}: holds a checkpoint of another run ({state.Options}); use a fresh directory");
        var weights = Safetensors.LoadStateDict(Path.Combine(directory, "weights.safetensors"));
        try
        {
            using var noGrad = no_grad();
            foreach (var (name, parameter) in lm.named_parameters()) parameter.copy_(weights[name]);
        }
        finally
        {
            foreach (var t in weights.Values) t.Dispose();
        }
        optimizer.Load(Path.Combine(directory, "optimizer.safetensors"), state.Step);
        return state.Step;
    }
}
