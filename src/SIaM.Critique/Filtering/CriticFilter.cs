using System.Text.Json;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;

namespace SIaM.Critique.Filtering;

/// <summary>
/// The critic as the self-improvement loop's filter: a program is accepted when the critic says YES about its output
/// against the reference answer. Programs with no answer at all are <c>invalid</c> by <see cref="ProgramInvalidity"/>
/// and the critic is not asked. Verdicts are cached per (question, reference, program, output), in memory and, when a cache file
/// is given, in that JSONL file (appended as they come, read back on the next start). <see cref="PrepareAsync"/>
/// judges a stage's cases in batches of <paramref name="batchSize"/>.
/// </summary>
public sealed class CriticFilter(ICritic critic, string? cacheFile = null, int batchSize = 16) : IBatchProgramFilter
{
    /// <summary>The filter's name in the loop's files.</summary>
    public const string FilterName = "critic";

    private readonly Dictionary<string, FilterVerdict> _verdicts = Load(cacheFile);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public string Name => FilterName;

    /// <summary>The critic asked.</summary>
    public ICritic Critic => critic;

    /// <summary>Cases sent to the critic so far (cache hits and invalid cases are not).</summary>
    public int Asked { get; private set; }

    /// <summary>The cache key of a case: a hash of question, reference answer, program and what running it gave (status and output).</summary>
    public static string KeyOf(ProgramCase @case) =>
        Sha256.Hex($"{@case.Question}\u0000{@case.Reference}\u0000{@case.Program}\u0000{@case.Execution.Status}\u0000" +
                   $"{@case.Execution.Truncated}\u0000{OutputOf(@case.Execution)}")[..24];

    /// <summary>The verdict on a case judged before (null when it was not).</summary>
    public FilterVerdict? Cached(ProgramCase @case) => _verdicts.GetValueOrDefault(KeyOf(@case));

    /// <inheritdoc />
    public async Task PrepareAsync(IReadOnlyList<ProgramCase> cases, CancellationToken cancellationToken) =>
        await JudgeAsync(cases, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<bool> AcceptsAsync(string question, string reference, string program, ExecResult execution, CancellationToken cancellationToken) =>
        (await JudgeAsync([new ProgramCase(question, reference, program, execution)], cancellationToken).ConfigureAwait(false))[0].Accepted;

    /// <summary>The verdicts on <paramref name="cases"/>, in order: cached, invalid by rule, or asked in batches.</summary>
    public async Task<IReadOnlyList<FilterVerdict>> JudgeAsync(IReadOnlyList<ProgramCase> cases, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var fresh = new List<FilterVerdict>();
            var toAsk = new List<(string Key, CritiqueCase Case)>();
            foreach (var @case in cases)
            {
                var key = KeyOf(@case);
                if (_verdicts.ContainsKey(key) || toAsk.Any(a => a.Key == key)) continue;
                if (ProgramInvalidity.Check(@case) is { } why)
                {
                    var invalid = new FilterVerdict(key, CriticOutcome.Invalid, null, "", why);
                    _verdicts[key] = invalid;
                    fresh.Add(invalid);
                }
                else toAsk.Add((key, ToCritiqueCase(key, @case)));
            }
            foreach (var batch in toAsk.Chunk(Math.Max(1, batchSize)))
            {
                var judgments = await critic.JudgeAsync(batch.Select(b => b.Case).ToArray(), cancellationToken).ConfigureAwait(false);
                Asked += batch.Length;
                for (var i = 0; i < batch.Length; i++)
                {
                    var verdict = new FilterVerdict(batch[i].Key, judgments[i].Outcome, judgments[i].PYes, judgments[i].Raw, judgments[i].Reason);
                    _verdicts[verdict.Key] = verdict;
                    fresh.Add(verdict);
                }
            }
            Append(fresh);
            return cases.Select(c => _verdicts[KeyOf(c)]).ToArray();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>What the critic reads about a case (the prompt's language follows the question's script).</summary>
    public static CritiqueCase ToCritiqueCase(string key, ProgramCase @case) =>
        new(key, 0, "improve", LanguageOf(@case.Question), @case.Question, @case.Reference, @case.Program,
            OutputOf(@case.Execution), null, @case.Program);

    /// <summary>Chinese when the text holds a CJK ideograph, else English.</summary>
    public static Language LanguageOf(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff') ? Language.Zh : Language.En;

    private static string OutputOf(ExecResult execution) =>
        execution.Status == ExecStatus.Ok ? execution.Stdout.Trim() : execution.Stderr.TrimEnd().Split('\n')[^1];

    private void Append(List<FilterVerdict> verdicts)
    {
        if (cacheFile is null || verdicts.Count == 0) return;
        File.AppendAllLines(cacheFile, verdicts.Select(v => JsonSerializer.Serialize(v, JsonFormat.Line)));
    }

    private static Dictionary<string, FilterVerdict> Load(string? file)
    {
        var verdicts = new Dictionary<string, FilterVerdict>(StringComparer.Ordinal);
        if (file is null || !File.Exists(file)) return verdicts;
        // A line cut by an interrupted append is dropped: that case is judged again.
        foreach (var verdict in JsonLinesReader.Read<FilterVerdict>(file, TornLastLine.Skip, JsonFormat.Line, "critic verdict"))
            verdicts[verdict.Key] = verdict;
        return verdicts;
    }
}
