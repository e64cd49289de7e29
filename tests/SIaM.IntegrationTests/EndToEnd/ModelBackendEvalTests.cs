using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SIaM.IntegrationTests.EndToEnd;

/// <summary>
/// `siam eval` over the real tiny Llama checkpoint, in process (`hf:`) and through `siam serve` (`openai:`): both paths
/// must run end to end and, greedy, produce the same completions.
/// </summary>
public sealed partial class ModelBackendEvalTests
{
    private static string TinyLlama => SharedFixtures.TinyLlama;

    [GeneratedRegex(@"--model '(openai:[^']+)'")]
    private static partial Regex ClientSpec();

    private static string[] Eval(string model, string outDir) =>
        ["eval", "--model", model, "--benchmarks", "gsm8k,cmath", "--limit", "3", "--prompt", "cot", "--sandbox", "none",
         "--max-new-tokens", "12", "--out", outDir];

    [Test]
    public async Task Evaluates_the_tiny_checkpoint_in_process_and_through_siam_serve_with_identical_completions()
    {
        // Arrange: serve the checkpoint on a free port
        using var temp = new TempDirectory();
        using var server = Siam.Start(temp.Path, "serve", "--model", $"hf:{TinyLlama}", "--port", "0", "--served-model-name", "tiny");
        string? spec = null;
        while (spec is null && await server.StandardOutput.ReadLineAsync() is { } line)
            spec = ClientSpec().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
        Assert.That(spec, Is.Not.Null, "siam serve printed no client spec");

        try
        {
            // Act
            var direct = await Siam.RunAsync(temp.Path, Eval($"hf:{TinyLlama}", temp.File("direct")));
            var served = await Siam.RunAsync(temp.Path, Eval(spec!, temp.File("served")));

            // Assert
            Assert.That(direct.ExitCode, Is.EqualTo(0), direct.Stderr);
            Assert.That(served.ExitCode, Is.EqualTo(0), served.Stderr);
            var directSamples = Completions(temp.File("direct/samples.jsonl"));
            Assert.That(directSamples, Has.Count.EqualTo(6));
            Assert.That(directSamples.Count(c => c.Length > 0), Is.EqualTo(6), "every problem got a completion");
            Assert.That(Completions(temp.File("served/samples.jsonl")), Is.EqualTo(directSamples));
            var results = JsonNode.Parse(File.ReadAllText(temp.File("direct/results.json")))!;
            Assert.That(results["benchmarks"]!["cmath"]!["graded"]!.GetValue<int>(), Is.EqualTo(3));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static List<string> Completions(string samples) =>
        File.ReadAllLines(samples).Select(l => JsonNode.Parse(l)!["completion"]!.GetValue<string>()).ToList();
}
