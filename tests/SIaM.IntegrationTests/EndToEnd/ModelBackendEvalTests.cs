using System.Globalization;
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
        // Arrange: serve the checkpoint on a free port; the server is killed (with its tree) however the test ends
        using var temp = new TempDirectory();
        await using var server = Siam.Start(temp.Path, "serve", "--model", $"hf:{TinyLlama}", "--port", "0", "--served-model-name", "tiny");
        var spec = await ClientSpecPrintedBy(server, TimeSpan.FromMinutes(3));

        // Act
        var direct = await Siam.RunAsync(TimeSpan.FromMinutes(5), temp.Path, Eval($"hf:{TinyLlama}", temp.File("direct")));
        var served = await Siam.RunAsync(TimeSpan.FromMinutes(5), temp.Path, Eval(spec, temp.File("served")));

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

    [Test]
    public async Task Sampled_completions_of_the_tiny_checkpoint_are_byte_identical_one_at_a_time_and_batched()
    {
        // Arrange: sampling (not greedy), 3 samples of 6 problems; level 1 sends one request at a time, level 8 lets the
        // scheduler hand the in-process backend batches of whatever is ready (padded to a common length)
        using var temp = new TempDirectory();
        string[] Sampled(int level) =>
            ["eval", "--model", $"hf:{TinyLlama}", "--benchmarks", "gsm8k", "--limit", "6", "--n", "3", "--temperature", "0.8", "--prompt", "cot",
             "--sandbox", "none", "--max-new-tokens", "16", "--max-in-flight", level.ToString(CultureInfo.InvariantCulture),
             "--out", temp.File($"level-{level}")];

        // Act
        var single = await Siam.RunAsync(TimeSpan.FromMinutes(3), temp.Path, Sampled(1));
        var batched = await Siam.RunAsync(TimeSpan.FromMinutes(3), temp.Path, Sampled(8));

        // Assert
        Assert.That(single.ExitCode, Is.EqualTo(0), single.Stderr);
        Assert.That(batched.ExitCode, Is.EqualTo(0), batched.Stderr);
        var completions = Completions(temp.File("level-1/samples.jsonl"));
        Assert.That(completions, Has.Count.EqualTo(18));
        Assert.That(completions.Distinct().Count(), Is.GreaterThan(6), "sampling gave the samples of a problem different completions");
        Assert.That(File.ReadAllBytes(temp.File("level-8/samples.jsonl")), Is.EqualTo(File.ReadAllBytes(temp.File("level-1/samples.jsonl"))));
    }

    /// <summary>Reads the server's output until it prints the client spec; fails when it exits or stays silent too long.</summary>
    private static async Task<string> ClientSpecPrintedBy(ChildProcess server, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var line = await server.ReadLineAsync(deadline - DateTime.UtcNow);
            if (line is null) break; // the server exited
            if (ClientSpec().Match(line) is { Success: true } match)
            {
                _ = server.StandardOutput.ReadToEndAsync(); // keep draining so the server never blocks on a full pipe
                return match.Groups[1].Value;
            }
        }
        await server.KillAsync();
        Assert.Fail($"siam serve printed no client spec within {timeout.TotalSeconds:0} s; stderr: {await server.StderrAsync()}");
        return "";
    }

    private static List<string> Completions(string samples) =>
        File.ReadAllLines(samples).Select(l => JsonNode.Parse(l)!["completion"]!.GetValue<string>()).ToList();
}
