namespace SIaM.Reporting.Exporters;

/// <summary>Renders the report context into one or more files of a directory.</summary>
public interface IExporter
{
    /// <summary>The name used on the command line and in the registry.</summary>
    string Name { get; }

    /// <summary>Writes the files (each atomically) and returns their paths relative to <paramref name="directory"/>.</summary>
    IReadOnlyList<string> Export(ReportContext context, string directory);
}
