using SIaM.Core;
using SIaM.Reporting.Plots;

namespace SIaM.Reporting.Exporters;

/// <summary>Every exporter, by name: the one place a new rendering is registered.</summary>
public static class ExporterRegistry
{
    /// <summary>Name → exporter.</summary>
    public static IReadOnlyDictionary<string, IExporter> All { get; } = new IExporter[]
    {
        new CsvExporter(),
        new JsonExporter(),
        new MarkdownExporter(),
        new HtmlExporter(),
        new JUnitExporter(),
        new DiffExporter(),
        new PlotExporter(),
    }.ToDictionary(e => e.Name);

    /// <summary>The exporters named; an unknown name lists the valid ones.</summary>
    public static IReadOnlyList<IExporter> Get(IEnumerable<string> names) =>
        names.Select(n => All.TryGetValue(n, out var e) ? e
            : throw new InputException($"unknown exporter '{n}'; valid: {string.Join(", ", All.Keys)}")).ToList();
}
