namespace SIaM.Tokenization.Tests.Support;

/// <summary>Collects every failing case so a golden test reports all of them at once, not just the first.</summary>
internal static class Mismatches
{
    public static List<string> Of(IEnumerable<VectorCase> cases, Func<string, IReadOnlyList<int>> encode) =>
        cases.Select(c => (c, actual: encode(c.Text)))
            .Where(x => !x.actual.SequenceEqual(x.c.Ids))
            .Select(x => $"{x.c.Name} {Show(x.c.Text)}\n  expected [{string.Join(",", x.c.Ids)}]\n  actual   [{string.Join(",", x.actual)}]")
            .ToList();

    public static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text.Length > 60 ? text[..60] + "…" : text);
}
