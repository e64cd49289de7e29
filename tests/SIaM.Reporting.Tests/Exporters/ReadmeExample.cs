using SIaM.Reporting.Exporters;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Exporters;

public sealed class ReadmeExample
{
    // Regenerates the README's example plots from the fixed runs: dotnet test --filter ReadmeExample (explicit).
    [Test, Explicit("writes docs/images")]
    public void Writes_the_readme_example_plots()
    {
        using var temp = new TempDirectory();
        var context = FixedReport.Build(temp);
        ReportBuilder.Write(context, temp.File("out"), ["plots"]);
        var images = Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../docs/images");
        Directory.CreateDirectory(images);
        foreach (var name in new[] { "accuracy", "trend" })
            File.Copy(Path.Combine(temp.File("out"), "plots", name + ".png"), Path.Combine(images, $"report-{name}.png"), overwrite: true);
    }
}
