using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.Support;

/// <summary>Generation requests for tests.</summary>
internal static class Requests
{
    public static GenerationRequest Make(int problem, int sample = 0, string prefix = "", GenerationConfig? config = null) =>
        new($"test/{problem}", sample,
            [ChatMessage.System("Solve with Python."), ChatMessage.User($"What is {problem} + {problem}?")],
            prefix, config ?? GenerationConfig.Greedy);

    public static GenerationRequest[] Many(int count, GenerationConfig? config = null) =>
        Enumerable.Range(0, count).Select(i => Make(i, config: config)).ToArray();
}
