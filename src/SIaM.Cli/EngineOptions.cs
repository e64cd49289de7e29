using System.CommandLine;
using SIaM.Core.Validation;
using SIaM.Sandbox.Docker;

namespace SIaM.Cli;

/// <summary>The <c>--docker-host</c> option (repeatable) shared by the sandbox verbs, and the pool options it gives.</summary>
internal static class EngineOptions
{
    /// <summary>A fresh <c>--docker-host</c> option (each command owns its own instance).</summary>
    public static Option<string[]> CreateDockerHost() => new("--docker-host")
    {
        Description = "Docker engine ADDRESS[@WEIGHT] (unix:///path, tcp://host:port, tcp://host:2376?tls=CERTDIR); repeat for several. " +
                      $"Default: {EngineEndpoint.HostsVariable} (comma-separated), else DOCKER_HOST, else the local socket",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// The pool options every verb starts from: <c>siam</c> turns SIGINT/SIGTERM into a cancellation (see
    /// <see cref="Termination"/>) and disposes its pools itself, so a pool must not remove its containers under a run that
    /// is still stopping.
    /// </summary>
    public static DockerPoolOptions Defaults { get; } = DockerPoolOptions.Default with { RemoveOnSignal = false };

    /// <summary>
    /// Pool options with the engines from <paramref name="dockerHost"/> and, when given, the worker count; without one
    /// the pool probes 1 … one per core at start-up and keeps the best (<see cref="DockerPoolOptions.ProbeWorkers"/>).
    /// </summary>
    public static DockerPoolOptions PoolOptions(ParseResult parseResult, Option<string[]> dockerHost, int? workers) =>
        Defaults with
        {
            DockerHosts = parseResult.GetValue(dockerHost) ?? [],
            Workers = workers ?? DockerPoolOptions.Default.Workers,
            ProbeWorkers = workers is null,
        };

    /// <summary>The <c>--docker-host</c> addresses, parsed (not contacted) before any engine is touched.</summary>
    public static IOptionValidator Validator(ParseResult parseResult, Option<string[]> dockerHost) =>
        new CheckValidator(() => Resolve(parseResult, dockerHost));

    /// <summary>The engines the options name (for <c>sandbox doctor</c>).</summary>
    public static IReadOnlyList<EngineEndpoint> Resolve(ParseResult parseResult, Option<string[]> dockerHost) =>
        EngineEndpoint.ResolveAll(parseResult.GetValue(dockerHost) is { Length: > 0 } hosts ? hosts : null);
}
