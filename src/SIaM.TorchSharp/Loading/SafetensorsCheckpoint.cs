using System.Text.Json;
using SIaM.Core;
using SIaM.TorchSharp.Models;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Loading;

/// <summary>
/// Loads <c>model.safetensors</c> or the shards listed in <c>model.safetensors.index.json</c> (F32, F16, BF16) into a
/// <see cref="CausalLm"/>, converting to the model's dtype. Missing, unexpected or mis-shaped weights fail by name.
/// </summary>
internal static class SafetensorsCheckpoint
{
    public static void LoadInto(CausalLm lm, string directory)
    {
        var parameters = lm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var loaded = new HashSet<string>();
        var unexpected = new List<string>();
        using var noGrad = no_grad();
        foreach (var file in ShardFiles(directory))
        {
            Dictionary<string, Tensor> tensors;
            try
            {
                tensors = Safetensors.LoadStateDict(file);
            }
            catch (Exception e) when (e is NotImplementedException or JsonException or IOException or ArgumentException)
            {
                throw new InputException($"{file}: cannot read safetensors: {e.Message}");
            }
            try
            {
                foreach (var (name, tensor) in tensors)
                {
                    if (!parameters.TryGetValue(name, out var parameter))
                    {
                        // Tied checkpoints sometimes carry a copy of the embedding as lm_head; rotary tables are recomputed.
                        if (!(name == "lm_head.weight" && lm.Config.TieWordEmbeddings) && !name.EndsWith("rotary_emb.inv_freq", StringComparison.Ordinal))
                            unexpected.Add(name);
                        continue;
                    }
                    if (!tensor.shape.SequenceEqual(parameter.shape))
                        throw new InputException(
                            $"{file}: weight {name} has shape [{string.Join(", ", tensor.shape)}], " +
                            $"the config implies [{string.Join(", ", parameter.shape)}]");
                    parameter.copy_(tensor);
                    loaded.Add(name);
                }
            }
            finally
            {
                foreach (var tensor in tensors.Values) tensor.Dispose();
            }
        }
        if (unexpected.Count > 0)
            throw new InputException($"{directory}: checkpoint has weights this architecture does not use: {string.Join(", ", unexpected.Take(10))}");
        var missing = parameters.Keys.Where(k => !loaded.Contains(k)).ToList();
        if (missing.Count > 0)
            throw new InputException($"{directory}: checkpoint lacks weights: {string.Join(", ", missing.Take(10))}");
    }

    private static IReadOnlyList<string> ShardFiles(string directory)
    {
        var index = Path.Combine(directory, "model.safetensors.index.json");
        if (File.Exists(index))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(index));
                return document.RootElement.GetProperty("weight_map").EnumerateObject()
                    .Select(p => p.Value.GetString() ?? throw new InputException($"{index}: weight_map.{p.Name} is not a file name"))
                    .Distinct().Order(StringComparer.Ordinal).Select(f => Path.Combine(directory, f)).ToArray();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InputException($"{index}: not a safetensors index ({e.Message})");
            }
        }
        var single = Path.Combine(directory, "model.safetensors");
        if (File.Exists(single)) return [single];
        throw new InputException($"{directory}: no model.safetensors or model.safetensors.index.json");
    }
}
