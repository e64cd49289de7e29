using SIaM.Backends.OpenAi;
using SIaM.Core;

namespace SIaM.Backends.Tests.OpenAi;

[TestFixture]
public sealed class OpenAiSpecParserTests
{
    [Test]
    public void A_plain_spec_gives_chat_with_defaults()
    {
        // Arrange
        const string argument = "http://127.0.0.1:8000/v1#qwen2.5-math-7b";

        // Act
        var options = OpenAiSpecParser.Parse(argument);

        // Assert
        Assert.That(options.BaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:8000/v1")));
        Assert.That(options.Model, Is.EqualTo("qwen2.5-math-7b"));
        Assert.That(options.Api, Is.EqualTo(OpenAiApi.Chat));
        Assert.That(options.ApiKeyVariable, Is.EqualTo("OPENAI_API_KEY"));
        Assert.That(options.Identity, Is.EqualTo("openai:http://127.0.0.1:8000/v1#qwen2.5-math-7b"));
    }

    [TestCase("http://h:8000/v1?api=completions&concurrency=4#Qwen/Qwen2.5-Math-7B")]
    [TestCase("http://h:8000/v1#Qwen/Qwen2.5-Math-7B?api=completions&concurrency=4")]
    public void Options_may_follow_the_url_or_the_model(string argument)
    {
        // Act
        var options = OpenAiSpecParser.Parse(argument);

        // Assert
        Assert.That(options.Model, Is.EqualTo("Qwen/Qwen2.5-Math-7B"));
        Assert.That(options.Api, Is.EqualTo(OpenAiApi.Completions));
        Assert.That(options.MaxConcurrency, Is.EqualTo(4));
        Assert.That(options.Identity, Is.EqualTo("openai:http://h:8000/v1#Qwen/Qwen2.5-Math-7B?api=completions"), "concurrency is not semantic");
    }

    [Test]
    public void Timeout_retries_and_key_variable_are_read()
    {
        // Act
        var options = OpenAiSpecParser.Parse("https://api.example.com/v1#m?timeout=30&retries=0&key_env=MY_KEY");

        // Assert
        Assert.That((options.EffectiveAttemptTimeout, options.MaxRetries, options.ApiKeyVariable),
            Is.EqualTo((TimeSpan.FromSeconds(30), 0, "MY_KEY")));
    }

    [TestCase("http://h/v1", "has no model")]
    [TestCase("http://h/v1#", "empty model name")]
    [TestCase("ftp://h/v1#m", "is not an http(s) URL")]
    [TestCase("h:8000#m", "is not an http(s) URL")]
    [TestCase("http://h/v1#m?api=embeddings", "api must be 'chat' or 'completions'")]
    [TestCase("http://h/v1#m?concurrency=0", "concurrency must be a positive integer")]
    [TestCase("http://h/v1#m?temperature=1", "unknown or empty option 'temperature'; valid options are api, concurrency")]
    public void Malformed_specs_are_rejected_with_the_reason(string argument, string reason)
    {
        // Act
        var failure = Assert.Throws<InputException>(() => OpenAiSpecParser.Parse(argument));

        // Assert
        Assert.That(failure!.Message, Does.Contain(reason).And.Contain(argument));
    }
}
