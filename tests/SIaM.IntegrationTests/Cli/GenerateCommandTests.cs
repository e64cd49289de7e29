using System.Text.Json;

namespace SIaM.IntegrationTests.Cli;

/// <summary>
/// <c>siam generate</c> end to end on ../shared/model-fixtures/tiny-random-llama: the ids it prints must be the
/// continuations recorded in that folder's reference_outputs.json.
/// </summary>
public sealed class GenerateCommandTests
{
    private static string TinyLlama => SharedFixtures.TinyLlama;

    public sealed record Case(string Name, int[] Prompt, int[] Expected)
    {
        public override string ToString() => Name;
    }

    /// <summary>The upstream-checked cases (onnxruntime-genai greedy search) and the derived 10-token ones.</summary>
    private static IEnumerable<TestCaseData> Cases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TinyLlama, "reference_outputs.json")));
        var root = document.RootElement;
        var upstream = root.GetProperty("upstream_expected").GetProperty("cases").EnumerateArray()
            .Select((c, i) => new Case($"upstream{i}", Ints(c.GetProperty("prompt")), Ints(c.GetProperty("generated"))));
        var derived = root.GetProperty("derived").EnumerateObject()
            .Select(p => new Case($"derived_{p.Name}", Ints(p.Value.GetProperty("prompt")), Ints(p.Value.GetProperty("greedy_10"))));
        return upstream.Concat(derived).Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name)).ToList();
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Prints_the_reference_greedy_continuation_of_the_tiny_llama(Case reference)
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(3), temp.Path, "generate", "--model", $"hf:{TinyLlama}",
            "--input-ids", string.Join(",", reference.Prompt), "--max-new-tokens", reference.Expected.Length.ToString(), "--ignore-eos");

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        var lines = outcome.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.That(lines, Does.Contain($"prompt ids: {string.Join(",", reference.Prompt)}"));
        Assert.That(lines, Does.Contain($"generated ids: {string.Join(",", reference.Expected)}"));
        Assert.That(outcome.Stderr, Does.Contain($"{reference.Expected.Length} tokens").And.Contain("finish: length"));
    }

    [Test]
    public async Task Gives_the_same_ids_without_the_kv_cache()
    {
        // Arrange
        using var temp = new TempDirectory();
        string[] Args(params string[] extra) => ["generate", "--model", $"hf:{TinyLlama}", "--input-ids", "1,15043,3186",
            "--max-new-tokens", "10", "--ignore-eos", .. extra];

        // Act
        var cached = await Siam.RunAsync(TimeSpan.FromMinutes(3), temp.Path, Args());
        var uncached = await Siam.RunAsync(TimeSpan.FromMinutes(3), temp.Path, Args("--no-cache"));

        // Assert
        Assert.That((cached.ExitCode, uncached.ExitCode), Is.EqualTo((0, 0)), cached.Stderr + uncached.Stderr);
        Assert.That(uncached.Stdout, Is.EqualTo(cached.Stdout));
        Assert.That(cached.Stdout, Does.Contain("generated ids: 30016,7356,9023,25068,22665,2507,5236,14142,2550,12800"));
    }

    [Test]
    public async Task Refuses_a_token_id_outside_the_vocabulary_with_exit_code_2()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(3), temp.Path, "generate", "--model", $"hf:{TinyLlama}",
            "--input-ids", "1,99999999", "--max-new-tokens", "2");

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain("99999999").And.Contain("vocabulary"));
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
