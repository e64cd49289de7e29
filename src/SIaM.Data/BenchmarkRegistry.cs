using SIaM.Core;
using SIaM.Core.Benchmarks;
using SIaM.Data.Catalog;
using static SIaM.Core.Benchmarks.AnswerKind;
using static SIaM.Core.Benchmarks.Language;
using static SIaM.Data.DataFormat;

namespace SIaM.Data;

/// <summary>
/// Every benchmark the harness knows, in one list: all 35 files of <c>shared/benchmarks-data/SOURCES.md</c>.
/// File, hash, count, URL and licence come from the embedded manifest; suites from <c>suites.json</c>.
/// Bump a version when its mapping changes. v1 (2026-11-28): first catalog.
/// </summary>
public static class BenchmarkRegistry
{
    private static readonly Lazy<IReadOnlyDictionary<string, BenchmarkSpec>> Specs = new(Build);

    /// <summary>Benchmark id → spec, in catalog order.</summary>
    public static IReadOnlyDictionary<string, BenchmarkSpec> All => Specs.Value;

    /// <summary>The spec of <paramref name="id"/>; throws <see cref="InputException"/> listing the valid ids otherwise.</summary>
    public static BenchmarkSpec Get(string id)
    {
        if (All.TryGetValue(id, out var spec)) return spec;
        var hint = NearestName.Find(id, All.Keys) is { } near ? $" Did you mean '{near}'?" : "";
        throw new InputException($"unknown benchmark '{id}'.{hint} Valid benchmarks: {string.Join(", ", All.Keys)}.");
    }

    private static IReadOnlyDictionary<string, BenchmarkSpec> Build()
    {
        (string Id, Language Language, AnswerKind Kind, DataFormat Format, Func<RawRecord, Problem> Map)[] catalog =
        [
            ("gsm8k", En, Number, JsonLines, OpenAnswer.Gsm8k),
            ("math", En, Expression, JsonLines, OpenAnswer.Boxed),
            ("math500", En, Expression, JsonLines, OpenAnswer.Math500),
            ("svamp", En, Number, JsonLines, OpenAnswer.Svamp),
            ("asdiv", En, Number, JsonLines, OpenAnswer.Asdiv),
            ("mawps", En, Number, JsonLines, OpenAnswer.Mawps),
            ("mawps_addsub", En, Number, JsonLines, OpenAnswer.Mawps),
            ("mawps_multiarith", En, Number, JsonLines, OpenAnswer.Mawps),
            ("mawps_singleeq", En, Number, JsonLines, OpenAnswer.Mawps),
            ("mawps_singleop", En, Number, JsonLines, OpenAnswer.Mawps),
            ("gsm_hard", En, Number, JsonLines, OpenAnswer.GsmHard),
            ("tabmwp", En, Number, JsonObjectById, Tabmwp.Map),
            ("mmlu_stem", En, Choice, JsonLines, MultipleChoice.MmluStem),
            ("sat_math", En, Choice, JsonLines, MultipleChoice.SatMath),
            ("agieval_sat_math", En, Choice, JsonLines, MultipleChoice.AgievalSatMath),
            ("aqua", En, Choice, JsonLines, MultipleChoice.Aqua),
            ("mathqa", En, Choice, JsonLines, MultipleChoice.MathQa),
            ("carp_en", En, Expression, JsonLines, OpenAnswer.CarpEn),
            ("minerva_math", En, Expression, JsonLines, OpenAnswer.Boxed),
            ("college_math", En, Expression, JsonLines, OpenAnswer.QuestionAnswer),
            ("gaokao2023en", En, Expression, JsonLines, OpenAnswer.Gaokao2023En),
            ("olympiadbench", En, List, JsonLines, OpenAnswer.OlympiadBench),
            ("aime24", En, Number, JsonLines, OpenAnswer.Aime),
            ("amc23", En, Number, JsonLines, OpenAnswer.Amc),
            ("mgsm_en", En, Number, Tsv, OpenAnswer.Mgsm),
            ("mgsm_zh", Zh, Number, Tsv, OpenAnswer.Mgsm),
            ("cmath", Zh, Number, JsonLines, Chinese.Cmath),
            ("cn_middle_school", Zh, Expression, JsonLines, Chinese.ChoiceOrAnswer),
            ("gaokao2024_I", Zh, Choice, JsonLines, Chinese.Gaokao2024),
            ("gaokao2024_II", Zh, Choice, JsonLines, Chinese.Gaokao2024),
            ("gaokao2024_mix", Zh, Expression, JsonLines, Chinese.ChoiceOrAnswer),
            ("gaokao_math_cloze", Zh, MultiBlank, JsonLines, Chinese.MathCloze),
            ("gaokao_math_qa", Zh, Choice, JsonLines, MultipleChoice.GaokaoMathQa),
            ("ape210k", Zh, Number, JsonLines, Chinese.Ape210k),
            ("math23k", Zh, Number, JsonArray, Chinese.Math23k),
        ];
        var result = new OrderedDictionary<string, BenchmarkSpec>(StringComparer.Ordinal);
        foreach (var (id, language, kind, format, map) in catalog)
        {
            var entry = BenchmarkManifest.All.TryGetValue(id, out var e) ? e
                : throw new InvalidOperationException($"manifest.json has no entry for benchmark '{id}'");
            var suites = Suites.All.Where(s => s.Value.Contains(id)).Select(s => s.Key).ToList();
            result.Add(id, new BenchmarkSpec(new BenchmarkInfo(id, 1, language, kind), entry.File, format, map, suites,
                entry.Url, entry.Licence, entry));
        }
        return result;
    }
}
