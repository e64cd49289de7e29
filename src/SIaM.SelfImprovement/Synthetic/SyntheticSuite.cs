using SIaM.Core.Benchmarks;

namespace SIaM.SelfImprovement.Synthetic;

/// <summary>
/// The measurable self-improvement setting, drawn from one seed: a seed set (questions with reference programs, seed-tier
/// families only), a question–answer pool (seed and answer-only families, used without programs) and six held-out
/// evaluation suites named after language and tier: <c>en-seed</c>, <c>en-answer-only</c>, <c>en-unseen</c>,
/// <c>zh-seed</c>, <c>zh-answer-only</c>, <c>zh-unseen</c>. No program (family, frame, values) is in two sets, so an
/// evaluation question is never a seed or pool question with other names or objects.
/// </summary>
public sealed record SyntheticSuite(
    IReadOnlyList<SyntheticProblem> SeedSet,
    IReadOnlyList<SyntheticProblem> Pool,
    IReadOnlyDictionary<string, IReadOnlyList<SyntheticProblem>> Evaluation)
{
    /// <summary>The suite names, in report order.</summary>
    public static IReadOnlyList<string> SuiteNames { get; } = ["en-seed", "en-answer-only", "en-unseen", "zh-seed", "zh-answer-only", "zh-unseen"];

    /// <summary>The suite name of a language and tier.</summary>
    public static string SuiteName(Language language, FamilyTier tier) => $"{language.ToString().ToLowerInvariant()}-{TierName(tier)}";

    /// <summary><c>seed</c>, <c>answer-only</c> or <c>unseen</c>.</summary>
    public static string TierName(FamilyTier tier) => tier switch
    {
        FamilyTier.Seed => "seed",
        FamilyTier.AnswerOnly => "answer-only",
        _ => "unseen",
    };

    /// <summary>Draws the sets; sizes are per family and language.</summary>
    public static SyntheticSuite Generate(int seed, int seedPerFamily, int poolPerFamily, int evalPerFamily)
    {
        var random = new Random(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var counter = 0;
        List<SyntheticProblem> Draw(string set, Func<ProblemFamily, bool> families, Language[] languages, int perFamily)
        {
            var list = new List<SyntheticProblem>();
            foreach (var language in languages)
                foreach (var family in Families.All.Where(families))
                    for (int made = 0, attempts = 0; made < perFamily && attempts < perFamily * 50; attempts++)
                    {
                        var draft = family.Draw(random, language);
                        var id = $"{set}/{family.Name}-{language.ToString().ToLowerInvariant()}-{counter:D5}";
                        var problem = new SyntheticProblem(id, family.Name, family.Tier, draft.Frame, language, draft.Question, draft.Answer, draft.Program);
                        if (!used.Add(problem.ProgramKey)) continue;
                        counter++;
                        list.Add(problem);
                        made++;
                    }
            return list;
        }
        var evaluation = new Dictionary<string, IReadOnlyList<SyntheticProblem>>();
        foreach (var name in SuiteNames)
        {
            var language = name.StartsWith("en", StringComparison.Ordinal) ? Language.En : Language.Zh;
            var tier = Enum.GetValues<FamilyTier>().Single(t => SuiteName(language, t) == name);
            evaluation[name] = Draw(name, f => f.Tier == tier, [language], evalPerFamily);
        }
        Language[] both = [Language.En, Language.Zh];
        var seedSet = Draw("seed", f => f.Tier == FamilyTier.Seed, both, seedPerFamily);
        var pool = Draw("pool", f => f.Tier != FamilyTier.Unseen, both, poolPerFamily);
        return new SyntheticSuite(seedSet, pool, evaluation);
    }

    /// <summary>
    /// Seed-family questions with programs that are in no set of this suite (drawn from their own stream of
    /// <paramref name="seed"/>, so the suite's sets stay as they are), <paramref name="perFamily"/> per family and
    /// language: what the demo's weak policy is measured on while it trains, never trained on or evaluated.
    /// </summary>
    public IReadOnlyList<SyntheticProblem> Calibration(int seed, int perFamily)
    {
        var random = new Random(unchecked((seed * 7919) + 104729));
        var used = SeedSet.Concat(Pool).Concat(Evaluation.Values.SelectMany(v => v)).Select(p => p.ProgramKey).ToHashSet(StringComparer.Ordinal);
        var list = new List<SyntheticProblem>();
        foreach (var language in new[] { Language.En, Language.Zh })
            foreach (var family in Families.All.Where(f => f.Tier == FamilyTier.Seed))
                for (int made = 0, attempts = 0; made < perFamily && attempts < perFamily * 50; attempts++)
                {
                    var draft = family.Draw(random, language);
                    var id = $"calibration/{family.Name}-{language.ToString().ToLowerInvariant()}-{list.Count:D5}";
                    var problem = new SyntheticProblem(id, family.Name, family.Tier, draft.Frame, language, draft.Question, draft.Answer, draft.Program);
                    if (!used.Add(problem.ProgramKey)) continue;
                    list.Add(problem);
                    made++;
                }
        return list;
    }
}
