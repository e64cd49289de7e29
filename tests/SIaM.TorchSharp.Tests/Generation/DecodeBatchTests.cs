using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Tests.Support;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests.Generation;

public sealed class DecodeBatchTests
{
    private static readonly SamplingOptions Sampled = new(Temperature: 1.0, TopP: 0.95, TopK: 50);
    private static CausalLm _lm = null!;

    [OneTimeSetUp]
    public static void LoadModel() => _lm = CausalLm.FromPretrained(Fixtures.TinyLlama);

    [OneTimeTearDown]
    public static void DisposeModel() => _lm.Dispose();

    private static int[] Alone(IReadOnlyList<int> prompt, int tokens, SamplingOptions? sampling, ulong seed) =>
        new BatchGenerator(_lm).Generate([prompt], new GenerationOptions(tokens, sampling, [seed])).Single().Tokens.ToArray();

    [TestCase(false)]
    [TestCase(true)]
    public void Sequences_admitted_mid_decode_into_freed_rows_produce_the_tokens_they_produce_alone(bool sampling)
    {
        // Arrange: two rows; a long and a short sequence start, then two more join in the rows the finished ones free,
        // one of them with a prompt longer than everything the batch holds (every row gets more left padding)
        var cases = ReferenceOutputs.Derived();
        var options = sampling ? Sampled : null;
        var longPrompt = cases.SelectMany(c => c.Prompt).Concat(cases[2].Prompt).ToArray();
        var requests = new Dictionary<long, SequenceRequest>
        {
            [0] = new(cases[0].Prompt, 10, options, Seed: 11),
            [1] = new(cases[1].Prompt, 3, options, Seed: 12),
            [2] = new(cases[2].Prompt, 6, options, Seed: 13),
            [3] = new(longPrompt, 5, options, Seed: 14),
        };
        var produced = new Dictionary<long, IReadOnlyList<int>>();
        var joinedWhileOthersDecoded = new List<long>();
        using var noGrad = no_grad();
        using var batch = new DecodeBatch(_lm);

        // Act: admit into every free row between steps, in order, until all four are done
        var next = 0L;
        while (produced.Count < requests.Count)
        {
            var joining = new List<(long, SequenceRequest)>();
            while (batch.Count + joining.Count < 2 && next < requests.Count) joining.Add((next, requests[next++]));
            if (joining.Count > 0 && batch.Count > 0) joinedWhileOthersDecoded.AddRange(joining.Select(j => j.Item1));
            foreach (var done in batch.Admit(joining).Concat(batch.Step())) produced[done.Id] = done.Sequence.Tokens;
        }

        // Assert
        Assert.That(joinedWhileOthersDecoded, Is.EqualTo(new long[] { 2, 3 }), "both later sequences joined a running batch");
        foreach (var (id, request) in requests)
            Assert.That(produced[id], Is.EqualTo(Alone(request.Prompt, request.MaxNewTokens, options, request.Seed)), $"sequence {id}");
        if (!sampling)
            Assert.That(produced[0], Is.EqualTo(cases[0].Greedy10), "the fixture's reference greedy tokens");
    }

    [Test]
    public void A_removed_sequence_leaves_the_batch_and_the_others_decode_unchanged()
    {
        // Arrange
        var cases = ReferenceOutputs.Derived();
        using var noGrad = no_grad();
        using var batch = new DecodeBatch(_lm);
        batch.Admit([(0, new SequenceRequest(cases[0].Prompt, 10)), (1, new SequenceRequest(cases[1].Prompt, 10))]);

        // Act
        batch.Step();
        batch.Remove(new HashSet<long> { 0 });
        var finished = new List<FinishedSequence>();
        while (batch.Count > 0) finished.AddRange(batch.Step());

        // Assert
        Assert.That(finished.Select(f => f.Id), Is.EqualTo(new long[] { 1 }));
        Assert.That(finished[0].Sequence.Tokens, Is.EqualTo(cases[1].Greedy10));
        Assert.That(finished[0].Sequence.FinishReason, Is.EqualTo("length"));
    }
}
