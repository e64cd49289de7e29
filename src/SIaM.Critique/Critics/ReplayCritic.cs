using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Critique.Rules;

namespace SIaM.Critique.Critics;

/// <summary>
/// <c>replay:FILE</c>: recorded verdicts, one JSON object per line: <c>{"id": "gsm8k/3", "sample": 0, "p_yes": 0.91}</c>
/// or <c>{"id": …, "sample": …, "text": "YES, because …"}</c>. P(YES) is compared with the threshold, text is parsed
/// like a text critic's. A case with no recorded line is unparseable. Every case asked is kept in <see cref="Asked"/>.
/// </summary>
public sealed class ReplayCritic : ICritic
{
    private readonly Dictionary<(string Id, int Sample), (double? PYes, string? Text)> _recorded;
    private readonly double _threshold;
    private readonly List<(string Id, int Sample)> _asked = [];

    private ReplayCritic(string file, Dictionary<(string, int), (double?, string?)> recorded, double threshold, string hash)
    {
        _recorded = recorded;
        _threshold = threshold;
        Identity = new JsonObject { ["kind"] = "replay", ["file"] = Path.GetFileName(file), ["sha256"] = hash, ["threshold"] = threshold };
    }

    /// <inheritdoc />
    public JsonObject Identity { get; }

    /// <summary>The cases asked so far, in order.</summary>
    public IReadOnlyList<(string Id, int Sample)> Asked => _asked;

    /// <summary>Reads a recording; a malformed line is an <see cref="InputException"/> naming file and line.</summary>
    public static ReplayCritic Load(string file, double threshold = 0.5)
    {
        if (!File.Exists(file)) throw new InputException($"{file}: no such critic recording");
        var recorded = new Dictionary<(string, int), (double?, string?)>();
        foreach (var (line, number) in JsonLinesReader.Lines(file, TornLastLine.Read))
        {
            var i = number - 1;
            try
            {
                var node = JsonNode.Parse(line) as JsonObject ?? throw new InputException($"{file}:{i + 1}: not a JSON object");
                var id = node["id"]?.GetValue<string>() ?? throw new InputException($"{file}:{i + 1}: no \"id\"");
                var sample = node["sample"]?.GetValue<int>() ?? 0;
                var pYes = node["p_yes"]?.GetValue<double>();
                var text = node["text"]?.GetValue<string>();
                if (pYes is null && text is null) throw new InputException($"{file}:{i + 1}: needs \"p_yes\" or \"text\"");
                if (pYes is < 0 or > 1) throw new InputException($"{file}:{i + 1}: p_yes {pYes} is not a probability");
                recorded[(id, sample)] = (pYes, text);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new InputException($"{file}:{i + 1}: not a critic verdict ({e.Message})");
            }
        }
        // The identity hashes the lines as they were always hashed, so recorded critics keep their ids.
        return new ReplayCritic(file, recorded, threshold, Sha256.Hex(string.Join("\n", File.ReadAllLines(file))));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CriticJudgment>> JudgeAsync(IReadOnlyList<CritiqueCase> cases, CancellationToken cancellationToken)
    {
        lock (_asked) _asked.AddRange(cases.Select(c => (c.Id, c.Sample)));
        return Task.FromResult<IReadOnlyList<CriticJudgment>>(cases.Select(c =>
        {
            if (!_recorded.TryGetValue((c.Id, c.Sample), out var verdict))
                return new CriticJudgment(CriticOutcome.Unparseable, null, "", "no recorded verdict");
            if (verdict.PYes is { } p)
                return new CriticJudgment(p >= _threshold ? CriticOutcome.Yes : CriticOutcome.No, p, verdict.Text ?? $"p_yes={p}");
            var outcome = TextVerdict.Parse(verdict.Text!);
            return new CriticJudgment(outcome, null, verdict.Text!, outcome == CriticOutcome.Unparseable ? "no YES/NO in the recorded text" : null);
        }).ToArray());
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
