using System.Text.Json.Nodes;
using SIaM.Testing;
using SIaM.Tokenization;
using SIaM.Training.Critics;

namespace SIaM.Training.Tests.Critics;

public sealed class ContinuationExamplesTests
{
    private const string Prompt = "### Reference answer\n12\n\n### Execution output\n12 apples\n\nAnswer:";

    [Test]
    public void Splits_a_continuation_from_its_prompt_at_the_token_boundary_the_scorer_uses()
    {
        // Arrange
        var tokenizer = HfTokenizer.Load(SharedFixtures.TinyLlama);

        // Act
        var example = ContinuationExamples.Tokenize(tokenizer, Prompt, " YES")!;

        // Assert
        var whole = tokenizer.Encode(Prompt + " YES");
        Assert.That(example.Prompt.Concat(example.Response), Is.EqualTo(whole));
        Assert.That(example.Prompt, Is.EqualTo(tokenizer.Encode(Prompt).Take(example.Prompt.Count)));
        Assert.That(tokenizer.Decode(example.Response), Is.EqualTo("YES").Or.EqualTo(" YES"));
    }

    [Test]
    public void Finds_no_problem_with_a_tokenizer_that_writes_yes_and_no()
    {
        // Arrange
        var tokenizer = HfTokenizer.Load(SharedFixtures.TinyLlama);

        // Act
        var problem = ContinuationExamples.CandidateProblem(tokenizer, Prompt, [" YES", " NO"]);

        // Assert
        Assert.That(problem, Is.Null);
    }

    [Test]
    public void Names_the_candidate_a_vocabulary_without_its_letters_cannot_write()
    {
        // Arrange: the fixture's tokenizer with every token holding a 'Y' removed and no byte fallback
        using var temp = new TempDirectory();
        var tokenizer = HfTokenizer.Load(WithoutLetter(temp.Path, 'Y'));

        // Act
        var problem = ContinuationExamples.CandidateProblem(tokenizer, Prompt, [" YES", " NO"]);

        // Assert
        Assert.That(problem, Does.StartWith("'YES' is tokenised as 'ES'"));
    }

    /// <summary>Copies the tiny Llama checkpoint to <paramref name="directory"/> with a tokenizer that cannot write <paramref name="letter"/>.</summary>
    public static string WithoutLetter(string directory, char letter)
    {
        foreach (var file in Directory.GetFiles(SharedFixtures.TinyLlama)) File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        var path = Path.Combine(directory, "tokenizer.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var model = json["model"]!.AsObject();
        model["byte_fallback"] = false;
        var vocab = model["vocab"]!.AsObject();
        foreach (var name in vocab.Select(p => p.Key).Where(k => k.Contains(letter) && !k.StartsWith('<')).ToList()) vocab.Remove(name);
        var merges = model["merges"]!.AsArray();
        var kept = merges.Where(m => !(m is JsonArray pair ? string.Concat(pair.Select(p => p!.GetValue<string>())) : m!.GetValue<string>()).Contains(letter))
            .Select(m => m!.DeepClone()).ToArray();
        model["merges"] = new JsonArray(kept);
        File.WriteAllText(path, json.ToJsonString());
        return directory;
    }
}
