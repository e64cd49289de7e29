using SIaM.Core.Benchmarks;

namespace SIaM.Training.Synthetic;

/// <summary>
/// The measurable self-improvement setting, drawn from one seed: a seed set (questions with reference programs,
/// in-domain families only), a question–answer pool (all families, used without programs) and four held-out evaluation
/// suites <c>en-id</c>, <c>en-ood</c>, <c>zh-id</c>, <c>zh-ood</c>. No question text appears in two of them.
/// </summary>
public sealed record SyntheticSuite(
    IReadOnlyList<SyntheticProblem> SeedSet,
    IReadOnlyList<SyntheticProblem> Pool,
    IReadOnlyDictionary<string, IReadOnlyList<SyntheticProblem>> Evaluation)
{
    /// <summary>The suite names, in report order.</summary>
    public static IReadOnlyList<string> SuiteNames { get; } = ["en-id", "en-ood", "zh-id", "zh-ood"];

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
                        if (!used.Add(draft.Question)) continue;
                        var id = $"{set}/{family.Name}-{language.ToString().ToLowerInvariant()}-{counter++:D5}";
                        list.Add(new SyntheticProblem(id, family.Name, language, family.InDomain, draft.Question, draft.Answer, draft.Program));
                        made++;
                    }
            return list;
        }
        Language[] both = [Language.En, Language.Zh];
        var evaluation = new Dictionary<string, IReadOnlyList<SyntheticProblem>>
        {
            ["en-id"] = Draw("en-id", f => f.InDomain, [Language.En], evalPerFamily),
            ["en-ood"] = Draw("en-ood", f => !f.InDomain, [Language.En], evalPerFamily),
            ["zh-id"] = Draw("zh-id", f => f.InDomain, [Language.Zh], evalPerFamily),
            ["zh-ood"] = Draw("zh-ood", f => !f.InDomain, [Language.Zh], evalPerFamily),
        };
        var seedSet = Draw("seed", f => f.InDomain, both, seedPerFamily);
        var pool = Draw("pool", _ => true, both, poolPerFamily);
        return new SyntheticSuite(seedSet, pool, evaluation);
    }
}
