using Polly;
using Polly.Retry;
using Polly.Timeout;
using SIaM.Core.Backends;

namespace SIaM.Backends.OpenAi;

/// <summary>
/// Retry (exponential backoff with jitter, honouring <c>Retry-After</c>) around a per-attempt timeout. Handles 429/5xx,
/// malformed bodies, connection failures and resets, and attempt timeouts; never the caller's cancellation. A timed-out
/// attempt is reported as <see cref="LoadSignal.TimedOut"/>.
/// </summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline Create(OpenAiBackendOptions options, Action<string>? log)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0) builder.AddRetry(Retry(options, log));
        return builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = options.EffectiveAttemptTimeout,
            OnTimeout = _ =>
            {
                LoadSignals.Report(LoadSignal.TimedOut);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static RetryStrategyOptions Retry(OpenAiBackendOptions options, Action<string>? log) =>
        new()
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<TransientBackendException>()
                .Handle<HttpRequestException>()
                .Handle<IOException>()
                .Handle<TimeoutRejectedException>(),
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.EffectiveBaseDelay,
            MaxDelay = options.EffectiveMaxDelay,
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is TransientBackendException { RetryAfter: { } retryAfter }
                    ? (TimeSpan?)Min(retryAfter, options.EffectiveMaxDelay)
                    : null),
            OnRetry = args =>
            {
                log?.Invoke(
                    $"retry {args.AttemptNumber + 1}/{options.MaxRetries} in {args.RetryDelay.TotalSeconds:0.###} s: {args.Outcome.Exception?.Message}");
                return ValueTask.CompletedTask;
            },
        };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
