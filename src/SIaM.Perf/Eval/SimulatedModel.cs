using System.Diagnostics;
using SIaM.Core.Backends;

namespace SIaM.Perf.Eval;

/// <summary>
/// The model behind the simulated server: a tool-integrated solver whose answers are a pure function of the request
/// (problem, sample, rounds so far), and whose each sequence takes <c>prefill + tokens ÷ rate</c> seconds. It counts the
/// sequence-seconds it served, so a run's utilisation is <c>busy ÷ (capacity × wall)</c>.
/// </summary>
public sealed class SimulatedModel(SimulatedServerOptions options) : IModelBackend
{
    private long _busyTicks;
    private int _requests;

    /// <inheritdoc />
    public string Spec => "sim:";

    /// <summary>Sequence-seconds spent decoding so far.</summary>
    public double BusySeconds => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks)).TotalSeconds;

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        var completions = new List<Completion>(requests.Count);
        foreach (var request in requests)
        {
            var clock = Stopwatch.StartNew();
            var script = SimulatedScript.For(request.ProblemId, request.SampleIndex, Rounds(request.AssistantPrefix), options);
            await Task.Delay(options.Latency(script.Tokens), cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _busyTicks, clock.Elapsed.Ticks);
            Interlocked.Increment(ref _requests);
            // The server reports usage (as real servers do) when both counts are known; it has no tokenizer, so the prompt's
            // count is an estimate (4 characters a token); the client's controller reads the generated count.
            var promptTokens = (request.Messages.Sum(m => m.Content.Length) + request.AssistantPrefix.Length) / 4;
            completions.Add(new Completion(script.Text, PromptTokens: promptTokens, CompletionTokens: script.Tokens));
        }
        return completions;
    }

    private static int Rounds(string transcript) => transcript.Split("```output").Length - 1;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
