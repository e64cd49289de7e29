using System.Globalization;
using SIaM.Core;

namespace SIaM.Backends.OpenAi;

/// <summary>
/// Parses the argument of an <c>openai:</c> model spec: <c>BASE_URL#MODEL</c>, with options as a query string either on
/// the URL or after the model: <c>http://127.0.0.1:8000/v1#qwen?api=completions&amp;concurrency=8</c>.
/// Options: <c>api=chat|completions</c>, <c>concurrency=N</c>, <c>timeout=SECONDS</c>, <c>retries=N</c>,
/// <c>key_env=VARIABLE</c>.
/// </summary>
public static class OpenAiSpecParser
{
    private static readonly string[] Keys = ["api", "concurrency", "timeout", "retries", "key_env"];

    /// <summary>Parses <paramref name="argument"/> (the spec without <c>openai:</c>).</summary>
    /// <exception cref="InputException">The argument is malformed; the message says how.</exception>
    public static OpenAiBackendOptions Parse(string argument)
    {
        var hash = argument.IndexOf('#');
        if (hash < 0)
            throw new InputException(
                $"model spec 'openai:{argument}' has no model: write openai:BASE_URL#MODEL, e.g. openai:http://127.0.0.1:8000/v1#qwen2.5-math-7b");
        var (url, urlQuery) = SplitQuery(argument[..hash]);
        var (model, modelQuery) = SplitQuery(argument[(hash + 1)..]);
        if (model.Length == 0)
            throw new InputException($"model spec 'openai:{argument}' has an empty model name after '#'");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != "http" && baseUrl.Scheme != "https"))
            throw new InputException($"model spec 'openai:{argument}': '{url}' is not an http(s) URL");

        var options = new OpenAiBackendOptions(baseUrl, model);
        foreach (var (key, value) in ParseQuery(urlQuery).Concat(ParseQuery(modelQuery)))
            options = Apply(options, key, value, argument);
        return options;
    }

    private static (string Text, string Query) SplitQuery(string text)
    {
        var question = text.IndexOf('?');
        return question < 0 ? (text, "") : (text[..question], text[(question + 1)..]);
    }

    private static IEnumerable<(string Key, string Value)> ParseQuery(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=');
            return equals < 0 ? (pair, "") : (pair[..equals], Uri.UnescapeDataString(pair[(equals + 1)..]));
        });

    private static OpenAiBackendOptions Apply(OpenAiBackendOptions options, string key, string value, string argument) => key switch
    {
        "api" => options with
        {
            Api = value switch
            {
                "chat" => OpenAiApi.Chat,
                "completions" => OpenAiApi.Completions,
                _ => throw new InputException($"model spec 'openai:{argument}': api must be 'chat' or 'completions', not '{value}'"),
            },
        },
        "concurrency" => options with { MaxConcurrency = PositiveInt(key, value, argument) },
        "timeout" => options with { AttemptTimeout = TimeSpan.FromSeconds(PositiveInt(key, value, argument)) },
        "retries" => options with { MaxRetries = PositiveInt(key, value, argument, allowZero: true) },
        "key_env" when value.Length > 0 => options with { ApiKeyVariable = value },
        _ => throw new InputException(
            $"model spec 'openai:{argument}': unknown or empty option '{key}'; valid options are {string.Join(", ", Keys)}"),
    };

    private static int PositiveInt(string key, string value, string argument, bool allowZero = false)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && (number > 0 || (allowZero && number == 0)))
            return number;
        throw new InputException($"model spec 'openai:{argument}': {key} must be a {(allowZero ? "non-negative" : "positive")} integer, not '{value}'");
    }
}
