using System.Text;
using SIaM.Core;
using SIaM.Core.Benchmarks;
using SIaM.Core.Runs;
using SIaM.Data.Files;
using SIaM.Data.Tests.Support;

namespace SIaM.Data.Tests.Files;

[TestFixture]
public sealed class QuestionFileTests
{
    private const string TwoQuestions =
        """{"question": "A train covers 120 km in 2 hours. What is its speed in km/h?", "answer": 60}""" + "\n" +
        """{"question": "What is 3/4 of 20?", "answer": "15", "note": "extra fields are ignored"}""" + "\n";

    private static DataRoot NoRoot() => throw new AssertionException("a question file needs no data root");

    [Test]
    public void A_plain_question_file_loads_as_a_benchmark_named_after_the_file_with_its_sha256()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Write("my-quiz.jsonl", Encoding.UTF8.GetBytes(TwoQuestions));

        // Act
        var entries = BenchmarkSources.Expand("file:" + path);
        var loaded = BenchmarkSources.Load(entries, NoRoot, allowUnverified: false).Benchmarks.Single();

        // Assert
        Assert.That(entries, Is.EqualTo(new[] { "file:" + path }));
        Assert.That(loaded.Info, Is.EqualTo(new BenchmarkInfo("my-quiz", 1, Language.En, AnswerKind.Number)));
        Assert.That(loaded.Problems.Select(p => (p.Id, p.Question, p.Reference)), Is.EqualTo(new[]
        {
            ("my-quiz/0", "A train covers 120 km in 2 hours. What is its speed in km/h?", "60"),
            ("my-quiz/1", "What is 3/4 of 20?", "15"),
        }));
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(TwoQuestions)));
        Assert.That(loaded.DataSha256, Is.EqualTo(sha256));
        Assert.That(BenchmarkVersion.Of(loaded), Does.StartWith("my-quiz@1+"));
    }

    [Test]
    public void A_task_file_names_fields_kind_language_suite_and_program_relative_to_itself()
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("data/zh.jsonl", Encoding.UTF8.GetBytes("""{"q": "3米等于多少厘米？", "gold": "300", "code": "print(3 * 100)"}""" + "\n"));
        var task = temp.Write("tasks/units.json", Encoding.UTF8.GetBytes(
            """{"name": "units-zh", "path": "../data/zh.jsonl", "question_field": "q", "answer_field": "gold", "program_field": "code",""" +
            """ "answer_kind": "expression", "language": "zh", "suite": "mine"}"""));

        // Act
        var sources = BenchmarkSources.Load(BenchmarkSources.Expand("file:" + task), NoRoot, allowUnverified: false);

        // Assert
        var loaded = sources.Benchmarks.Single();
        Assert.That(loaded.Info, Is.EqualTo(new BenchmarkInfo("units-zh", 1, Language.Zh, AnswerKind.Expression)));
        Assert.That(loaded.Problems.Single().Solution, Is.EqualTo(new ReferenceSolution(ReferenceSolutionKind.PythonCode, "print(3 * 100)")));
        Assert.That(sources.Suites["mine"], Is.EqualTo(new[] { "units-zh" }));
    }

    [Test]
    public void A_changed_question_file_changes_the_benchmark_version()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Write("quiz.jsonl", Encoding.UTF8.GetBytes(TwoQuestions));
        var before = BenchmarkVersion.Of(QuestionFileLoader.Load(QuestionFileTask.Parse("file:" + path)));
        File.WriteAllText(path, TwoQuestions.Replace("\"15\"", "\"16\""));

        // Act
        var after = BenchmarkVersion.Of(QuestionFileLoader.Load(QuestionFileTask.Parse("file:" + path)));

        // Assert
        Assert.That(after, Is.Not.EqualTo(before));
    }

    [Test]
    public void Registered_ids_suites_and_files_expand_in_order_without_duplicates()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Write("quiz.jsonl", Encoding.UTF8.GetBytes(TwoQuestions));

        // Act
        var entries = BenchmarkSources.Expand($"gsm8k, file:{path},svamp,file:{path},gsm8k");

        // Assert
        Assert.That(entries, Is.EqualTo(new[] { "gsm8k", "file:" + path, "svamp" }));
    }

    [TestCase("{\"question\": \"x\", \"answer\": 1}\n{\"question\": \"y\"}\n", ":2: missing field 'answer'")]
    [TestCase("{\"question\": \"x\", \"answer\": 1}\n\n{\"question\": \"y\", \"answer\": 2\n", ":3: malformed JSON line")]
    [TestCase("{\"question\": \"  \", \"answer\": 1}\n", ":1: empty question")]
    [TestCase("{\"question\": \"x\", \"answer\": [1]}\n", ":1: field 'answer' must be a string or a number")]
    [TestCase("[1, 2]\n", ":1: expected a JSON object")]
    [TestCase("\n\n", ": the question file has no records")]
    public void A_bad_question_file_is_refused_naming_the_file_and_line(string content, string expected)
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Write("bad.jsonl", Encoding.UTF8.GetBytes(content));

        // Act
        var error = Assert.Throws<InputException>(() => BenchmarkSources.Load(BenchmarkSources.Expand("file:" + path), NoRoot, false))!;

        // Assert
        Assert.That(error.Message, Does.StartWith(path + expected));
    }

    [TestCase("""{"path": "q.jsonl", "language": "fr"}""", "task field 'language' is 'fr'; expected one of en, zh")]
    [TestCase("""{"path": "q.jsonl", "answer_kind": "choice"}""", "answer kind 'choice' needs options")]
    [TestCase("""{"path": "missing.jsonl"}""", "missing.jsonl does not exist")]
    [TestCase("""{"question": "q.jsonl"}""", "unknown task field 'question'")]
    [TestCase("""{"name": "x"}""", "the task file has no 'path'")]
    [TestCase("""{"path": "q.jsonl", "name": "gsm8k"}""", "the question file's name 'gsm8k' is a registered benchmark")]
    [TestCase("""{"path": "q.jsonl", "suite": "all"}""", "suite 'all' is a registered suite or benchmark")]
    [TestCase("{\"path\": \n", "task.json:2: malformed task file")]
    public void A_bad_task_file_is_refused_with_its_cause(string task, string expected)
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("q.jsonl", Encoding.UTF8.GetBytes(TwoQuestions));
        var path = temp.Write("task.json", Encoding.UTF8.GetBytes(task));

        // Act
        var error = Assert.Throws<InputException>(() => BenchmarkSources.Load(BenchmarkSources.Expand("file:" + path), NoRoot, false))!;

        // Assert
        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public void A_missing_file_or_another_extension_is_refused_before_anything_loads()
    {
        // Arrange
        using var temp = new TempDirectory();
        var csv = temp.Write("q.csv", Encoding.UTF8.GetBytes("question,answer\n"));

        // Act
        var missing = Assert.Throws<InputException>(() => BenchmarkSources.Expand("file:" + Path.Combine(temp.Path, "nope.jsonl")))!;
        var other = Assert.Throws<InputException>(() => BenchmarkSources.Expand("file:" + csv))!;

        // Assert
        Assert.That(missing.Message, Does.Contain("nope.jsonl: no such question file"));
        Assert.That(other.Message, Does.Contain("expected a .jsonl question file or a .json task file"));
    }
}
