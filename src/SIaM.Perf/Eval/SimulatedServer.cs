using SIaM.Backends.Server;

namespace SIaM.Perf.Eval;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (the same server as <c>siam serve</c>) over a <see cref="SimulatedModel"/>:
/// <c>capacity</c> sequences decode at once, <c>queue</c> more wait, and any beyond get 429 with <c>Retry-After</c>.
/// </summary>
public sealed class SimulatedServer : IAsyncDisposable
{
    private readonly OpenAiCompatibleServer _server;

    private SimulatedServer(OpenAiCompatibleServer server, SimulatedModel model, SimulatedServerOptions options)
    {
        _server = server;
        Model = model;
        Options = options;
    }

    /// <summary>The model, with its busy time.</summary>
    public SimulatedModel Model { get; }

    /// <summary>The capacity model.</summary>
    public SimulatedServerOptions Options { get; }

    /// <summary>The model spec that points <c>siam eval</c> at this server.</summary>
    public string ModelSpec => $"openai:{_server.BaseAddress.AbsoluteUri.TrimEnd('/')}#sim";

    /// <summary>Starts a server on a free port.</summary>
    public static async Task<SimulatedServer> StartAsync(SimulatedServerOptions options, CancellationToken cancellationToken)
    {
        var model = new SimulatedModel(options);
        var server = await OpenAiCompatibleServer.StartAsync(model, new OpenAiServerOptions(
            Port: 0, ModelName: "sim", MaxBatchSize: 1, BatchWindow: TimeSpan.Zero, MaxConcurrentBatches: options.Capacity,
            MaxQueuedRequests: options.Capacity + options.Queue), cancellationToken).ConfigureAwait(false);
        return new SimulatedServer(server, model, options);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
