using System.CommandLine;
using SIaM.Backends.Server;
using SIaM.Core.Validation;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam serve --model SPEC</c>: serves any backend over the OpenAI API (<c>/v1/models</c>, <c>/v1/completions</c>,
/// <c>/v1/chat/completions</c>), so that one in-process checkpoint feeds several eval workers using
/// <c>--model openai:http://HOST:PORT/v1#NAME</c>. Runs until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    private static readonly Option<string> Model = new("--model") { Description = "Model spec to serve (hf:DIR, openai:URL#MODEL, …)", Required = true };
    private static readonly Option<string> Host = new("--host")
    {
        Description = "Address to listen on (an IP, or localhost)",
        DefaultValueFactory = _ => "127.0.0.1",
    };
    private static readonly Option<int> Port = new("--port") { Description = "TCP port (0 picks a free one)", DefaultValueFactory = _ => 8000 };
    private static readonly Option<string?> Name = new("--served-model-name") { Description = "Model id that clients send (default: the spec)" };
    private static readonly Option<int> MaxBatch = new("--max-batch") { Description = "Requests per backend call at most", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> MaxQueue = new("--max-queue")
    {
        Description = "Requests accepted at once; more get 429 + Retry-After",
        DefaultValueFactory = _ => 256,
    };

    public static Command Create()
    {
        var command = new Command("serve", "Serve a model over an OpenAI-compatible HTTP API until Ctrl+C");
        foreach (var option in new Option[] { Model, Host, Port, Name, MaxBatch, MaxQueue }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var spec = parseResult.GetValue(Model)!;
            Preflight.ThrowIfInvalid(
            [
                BackendFactory.Validator("--model", spec),
                new RequirementValidator(parseResult.GetValue(Name) is { } name && string.IsNullOrWhiteSpace(name),
                    "--served-model-name must not be empty: clients send it as their model id"),
            ]);
            var options = new OpenAiServerOptions(
                parseResult.GetValue(Host)!, parseResult.GetValue(Port), parseResult.GetValue(Name), parseResult.GetValue(MaxBatch))
            {
                MaxQueuedRequests = parseResult.GetValue(MaxQueue),
            };
            await using var backend = BackendFactory.Create(spec, BackendContext.Empty);
            OpenAiCompatibleServer server;
            try
            {
                server = await OpenAiCompatibleServer.StartAsync(backend, options, cancellationToken);
            }
            catch (IOException e)
            {
                throw new UsageException($"cannot listen on {options.Host}:{options.Port}: {e.Message}");
            }
            await using (server)
            {
                Console.WriteLine($"siam serve: {spec} at {server.BaseAddress} as model '{server.ModelName}'");
                Console.WriteLine($"clients: --model 'openai:{server.BaseAddress}#{server.ModelName}'   (Ctrl+C stops)");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
                var statistics = server.Statistics;
                Console.WriteLine($"siam serve: stopped after {statistics.Requests} requests in {statistics.Batches} batches (largest {statistics.Largest})");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
