using SIaM.Core;
using SIaM.TorchSharp.Models;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SIaM.Training.Checkpoints;

/// <summary>
/// Writes a model as a Hugging Face checkpoint directory (config.json, model.safetensors in float32, the tokenizer
/// files) that <c>hf:DIR</c> loads back bit-exactly. The directory appears complete or not at all: files are written to
/// a sibling temporary folder that is renamed into place.
/// </summary>
public static class HfCheckpointWriter
{
    /// <summary>Tokenizer files copied from the source directory when present (tokenizer.json is required).</summary>
    public static IReadOnlyList<string> TokenizerFiles { get; } =
        ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "generation_config.json", "chat_template.jinja"];

    /// <summary>Writes <paramref name="lm"/> with the tokenizer of <paramref name="tokenizerDirectory"/> to <paramref name="directory"/>.</summary>
    /// <exception cref="InputException">The target exists and is not empty, or the tokenizer directory has no tokenizer.json.</exception>
    public static void Write(CausalLm lm, string tokenizerDirectory, string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new InputException($"{directory}: already exists and is not empty (refusing to overwrite another checkpoint)");
        if (!File.Exists(Path.Combine(tokenizerDirectory, "tokenizer.json")))
            throw new InputException($"{tokenizerDirectory}: no tokenizer.json to copy into the checkpoint");
        var full = Path.GetFullPath(directory);
        var staging = full.TrimEnd(Path.DirectorySeparatorChar) + ".tmp-" + Environment.ProcessId;
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            File.WriteAllText(Path.Combine(staging, "config.json"), ConfigJson.Write(lm.Config));
            SaveWeights(lm, Path.Combine(staging, "model.safetensors"));
            foreach (var name in TokenizerFiles)
            {
                var source = Path.Combine(tokenizerDirectory, name);
                if (File.Exists(source)) File.Copy(source, Path.Combine(staging, name));
            }
            if (Directory.Exists(full)) Directory.Delete(full);
            Directory.Move(staging, full);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>Saves every parameter (contiguous float32 copies, names sorted) to one safetensors file.</summary>
    public static void SaveWeights(CausalLm lm, string path)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var tensors = lm.named_parameters().OrderBy(p => p.name, StringComparer.Ordinal)
            .ToDictionary(p => p.name, p => p.parameter.detach().to(ScalarType.Float32, CPU).contiguous());
        Safetensors.SaveStateDict(path, tensors);
    }
}
