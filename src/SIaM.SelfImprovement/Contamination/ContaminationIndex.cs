namespace SIaM.SelfImprovement.Contamination;

/// <summary>One evaluation item a training example may overlap: its set, id, question and reference program (if any).</summary>
public sealed record EvalItem(string Set, string Id, string Question, string? Program);

/// <summary>One training example: its id, question (prompt) and the text it trains on (completion or program).</summary>
public sealed record TrainingItem(string Id, string Question, string Target);

/// <summary>An overlap of a training example with an evaluation item, and by which check.</summary>
/// <param name="Kind"><c>program</c> (the target's program is the item's reference program), <c>question</c> (same
/// normalised question text) or <c>13-gram</c> (a run of 13 tokens of the item's question is in the example).</param>
public sealed record Overlap(string TrainingId, string Kind, string Set, string EvalId);

/// <summary>
/// The evaluation items of every set a model is judged on, indexed for the three contamination checks: exact program,
/// normalised question text and 13-gram overlap (<see cref="OverlapText"/>). Pure once built.
/// </summary>
public sealed class ContaminationIndex
{
    private readonly Dictionary<string, List<EvalItem>> _programs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EvalItem>> _questions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EvalItem>> _ngrams = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="items"/>.</summary>
    public ContaminationIndex(IEnumerable<EvalItem> items)
    {
        foreach (var item in items)
        {
            if (item.Program is { } program) Add(_programs, OverlapText.NormalizeProgram(program), item);
            Add(_questions, OverlapText.Normalize(item.Question), item);
            foreach (var gram in OverlapText.NGrams(item.Question).Distinct()) Add(_ngrams, gram, item);
        }
    }

    /// <summary>Every overlap of <paramref name="example"/>, one per (kind, item), in check order.</summary>
    public IReadOnlyList<Overlap> Check(TrainingItem example)
    {
        var found = new List<Overlap>();
        void From(string kind, IEnumerable<EvalItem> items)
        {
            foreach (var item in items.Distinct())
                if (!found.Any(o => o.Kind == kind && o.Set == item.Set && o.EvalId == item.Id)) found.Add(new Overlap(example.Id, kind, item.Set, item.Id));
        }
        var program = SIaM.Core.Completions.CodeBlocks.ProgramOf(example.Target) ?? example.Target;
        if (_programs.TryGetValue(OverlapText.NormalizeProgram(program), out var byProgram)) From("program", byProgram);
        if (_questions.TryGetValue(OverlapText.Normalize(example.Question), out var byQuestion)) From("question", byQuestion);
        From("13-gram", OverlapText.NGrams(example.Question + "\n" + example.Target).Distinct()
            .SelectMany(g => _ngrams.TryGetValue(g, out var items) ? items : []));
        return found;
    }

    private static void Add(Dictionary<string, List<EvalItem>> index, string key, EvalItem item)
    {
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(item);
    }
}
