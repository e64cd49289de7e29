using SIaM.Core.SelfImprovement;

namespace SIaM.SelfImprovement.Contamination;

/// <summary>What one iteration of the loop would train on, screened against every evaluation set it is judged on.</summary>
/// <param name="Sft">SFT targets kept.</param>
/// <param name="Pairs">Preference pairs kept (neither side overlaps).</param>
/// <param name="Seed">Indices of the seed programs kept (for replay).</param>
/// <param name="Report">What was checked and refused (<c>iter-i/contamination.json</c>).</param>
public sealed record ScreenedData(IReadOnlyList<CandidateProgram> Sft, IReadOnlyList<CandidatePair> Pairs, IReadOnlyList<int> Seed, ContaminationReport Report);

/// <summary>
/// The loop's contamination guard: every training example of an iteration (SFT targets, both sides of each pair, the
/// replayed seed programs) is checked against every evaluation question (exact program, normalised question, 13-gram);
/// an example that overlaps is refused and counted, so the loop never trains on what it is judged on. Pure.
/// </summary>
public sealed class LoopContamination(IReadOnlyDictionary<string, IReadOnlyList<LoopQuestion>> evaluation)
{
    private readonly ContaminationIndex _index = new(evaluation.SelectMany(e => e.Value.Select(q => new EvalItem(e.Key, q.Id, q.Question, q.Program))));

    /// <summary>Screens the iteration's data; <paramref name="questions"/> maps pool ids to questions.</summary>
    public ScreenedData Screen(IReadOnlyList<CandidateProgram> sft, IReadOnlyList<CandidatePair> pairs,
        IReadOnlyList<(LoopQuestion Question, string Program)> seed, IReadOnlyDictionary<string, LoopQuestion> questions)
    {
        var overlaps = new List<Overlap>();
        var examples = 0;
        bool Clean(string id, string question, string target)
        {
            examples++;
            var found = _index.Check(new TrainingItem(id, question, target));
            overlaps.AddRange(found);
            return found.Count == 0;
        }
        var keptSft = sft.Where(c => Clean($"sft/{c.QuestionId}#{c.SampleIndex}", questions[c.QuestionId].Question, c.Completion)).ToList();
        var keptPairs = pairs.Where(p => Clean($"pair/{p.QuestionId}#{p.Chosen.SampleIndex}", questions[p.QuestionId].Question, p.Chosen.Completion)
            & Clean($"pair/{p.QuestionId}#{p.Rejected.SampleIndex}", questions[p.QuestionId].Question, p.Rejected.Completion)).ToList();
        var keptSeed = seed.Select((s, i) => (s, i)).Where(x => Clean($"seed/{x.s.Question.Id}", x.s.Question.Question, x.s.Program)).Select(x => x.i).ToList();
        var sets = evaluation.Select(e => (e.Key, e.Value.Count)).ToList();
        return new ScreenedData(keptSft, keptPairs, keptSeed,
            new ContaminationReport(examples, overlaps.Select(o => o.TrainingId).Distinct().Count(), overlaps, sets));
    }
}
