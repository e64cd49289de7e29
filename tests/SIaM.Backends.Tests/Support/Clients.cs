using SIaM.Backends.OpenAi;

namespace SIaM.Backends.Tests.Support;

/// <summary>Client options with test-sized delays.</summary>
internal static class Clients
{
    public static OpenAiBackendOptions Fast(Uri baseUrl, string model = "m", int retries = 6, OpenAiApi api = OpenAiApi.Chat) =>
        new(baseUrl, model, api, ApiKeyVariable: "SIAM_TEST_KEY", MaxConcurrency: 16,
            AttemptTimeout: TimeSpan.FromMilliseconds(1500), MaxRetries: retries,
            BaseDelay: TimeSpan.FromMilliseconds(5), MaxDelay: TimeSpan.FromMilliseconds(50));

    public static OpenAiBackend Backend(OpenAiBackendOptions options, string? apiKey = null) =>
        new(options, log: null, environment: name => name == options.ApiKeyVariable ? apiKey : null);
}
