using System.Text.Json.Nodes;
using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Critique.Prompts;
using SIaM.Critique.Rules;

namespace SIaM.Critique.Critics;

/// <summary>
/// A critic for backends that only produce text: greedy generation of a few tokens, then the first verdict word
/// (<see cref="TextVerdict"/>). No P(YES); unparseable text stays unparseable.
/// </summary>
public sealed class TextCritic(IModelBackend backend, CriticOptions options, int maxNewTokens = 16) : ICritic
{
    /// <inheritdoc />
    public JsonObject Identity { get; } = CriticIdentity.Of("text", backend.Spec, options);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CriticJudgment>> JudgeAsync(IReadOnlyList<CritiqueCase> cases, CancellationToken cancellationToken)
    {
        var config = GenerationConfig.Greedy with { MaxNewTokens = maxNewTokens };
        var requests = cases.Select(c => options.Format == CriticFormat.Chat
            ? new GenerationRequest(c.Id, c.Sample, CriticPrompt.Messages(c, options.FewShot), "", config)
            : new GenerationRequest(c.Id, c.Sample, [], CriticPrompt.Text(c, options), config)).ToArray();
        var completions = await backend.GenerateAsync(requests, cancellationToken).ConfigureAwait(false);
        return completions.Select(c => c.Status != CompletionStatus.Ok
            ? new CriticJudgment(CriticOutcome.Unparseable, null, "", $"the critic produced no text ({c.Status}): {c.Error}")
            : TextVerdict.Parse(c.Text) is var outcome && outcome == CriticOutcome.Unparseable
                ? new CriticJudgment(outcome, null, c.Text, "no YES/NO in the critic's text")
                : new CriticJudgment(outcome, null, c.Text)).ToArray();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => backend.DisposeAsync();
}
