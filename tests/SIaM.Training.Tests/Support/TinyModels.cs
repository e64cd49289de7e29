using SIaM.TorchSharp.Models;
using SIaM.Training.Models;
using SIaM.Training.Scoring;
using SIaM.Training.Trainers;

namespace SIaM.Training.Tests.Support;

/// <summary>A 2-layer model over 40 tokens and seeded random examples for trainer tests.</summary>
internal static class TinyModels
{
    public static CausalLmConfig Config { get; } =
        CausalLmConfig.Llama(vocabSize: 40, hiddenSize: 16, intermediateSize: 32, layers: 2, heads: 2, kvHeads: 1) with { MaxPositionEmbeddings = 64 };

    public static CausalLm Fresh(long seed = 11) => FreshModel.Create(Config, seed);

    public static IReadOnlyList<TokenizedExample> Examples(int count, int seed, bool equalLengths = false)
    {
        var random = new Random(seed);
        int[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => random.Next(3, 40)).ToArray();
        return Enumerable.Range(0, count)
            .Select(_ => new TokenizedExample(Tokens(equalLengths ? 4 : random.Next(2, 6)), Tokens(equalLengths ? 5 : random.Next(1, 8))))
            .ToList();
    }

    public static IReadOnlyList<PreferencePair> Pairs(int count, int seed)
    {
        var random = new Random(seed);
        int[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => random.Next(3, 40)).ToArray();
        return Enumerable.Range(0, count).Select(_ => new PreferencePair(Tokens(3), Tokens(random.Next(2, 6)), Tokens(random.Next(2, 6)))).ToList();
    }

    public static async Task<List<TrainingProgress>> Drain(IAsyncEnumerable<TrainingProgress> run, int? stopAfter = null)
    {
        var seen = new List<TrainingProgress>();
        await foreach (var p in run)
        {
            seen.Add(p);
            if (seen.Count == stopAfter) break;
        }
        return seen;
    }
}
