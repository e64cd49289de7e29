using System.Text;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;

namespace SIaM.Critique.Prompts;

/// <summary>Builds the critic's prompt for a case. Pure.</summary>
public static class CriticPrompt
{
    /// <summary>Longest program or output shown; longer ones keep their end, where the answer is.</summary>
    public const int MaxSection = 4000;

    /// <summary>The messages: system, few-shot turns, then the case.</summary>
    public static IReadOnlyList<ChatMessage> Messages(CritiqueCase @case, int fewShot)
    {
        var template = CriticTemplates.For(@case.Language);
        var messages = new List<ChatMessage> { ChatMessage.System(template.System) };
        foreach (var example in template.Examples.Take(fewShot))
        {
            messages.Add(ChatMessage.User(UserTurn(template, example.Case)));
            messages.Add(ChatMessage.Assistant(example.Verdict));
        }
        messages.Add(ChatMessage.User(UserTurn(template, @case)));
        return messages;
    }

    /// <summary>Longest reference or output shown in a <see cref="Compact"/> prompt; longer ones keep their end.</summary>
    public const int MaxCompactSection = 80;

    /// <summary>The request to score YES against NO, in the chosen format.</summary>
    public static ScoringRequest Scoring(CritiqueCase @case, CriticOptions options) =>
        options.Format == CriticFormat.Chat
            ? new ScoringRequest($"{@case.Id}#{@case.Sample}", Messages(@case, options.FewShot), "", ["YES", "NO"])
            : new ScoringRequest($"{@case.Id}#{@case.Sample}", [], Text(@case, options), [" YES", " NO"]);

    /// <summary>The one-text prompt of a non-chat format: <see cref="Plain"/> or <see cref="Compact"/>.</summary>
    public static string Text(CritiqueCase @case, CriticOptions options) =>
        options.Format == CriticFormat.Compact ? Compact(@case) : Plain(@case, options.FewShot);

    /// <summary>
    /// The compact prompt (<see cref="CriticFormat.Compact"/>): the reference answer and what the program printed (or the
    /// final answer, without a program) side by side, ending in <c>same:</c>. No question and no instructions, so a
    /// small critic trained from scratch sees only what its verdict depends on.
    /// </summary>
    public static string Compact(CritiqueCase @case)
    {
        var result = @case.Code is { Length: > 0 } ? @case.Output : @case.Answer;
        return $"reference: {Short(@case.Reference)}\nresult: {Short(result is { Length: > 0 } r ? r : "(none)")}\nsame:";
    }

    /// <summary>The whole prompt as one text ending in the answer cue (for <see cref="CriticFormat.Plain"/> and training data).</summary>
    public static string Plain(CritiqueCase @case, int fewShot)
    {
        var template = CriticTemplates.For(@case.Language);
        var text = new StringBuilder(template.System).Append("\n\n");
        foreach (var example in template.Examples.Take(fewShot))
            text.Append(UserTurn(template, example.Case)).Append('\n').Append(template.AnswerCue).Append(' ').Append(example.Verdict).Append("\n\n");
        return text.Append(UserTurn(template, @case)).Append('\n').Append(template.AnswerCue).ToString();
    }

    private static string UserTurn(CriticTemplate template, CritiqueCase @case)
    {
        var labels = template.Labels;
        var text = new StringBuilder(template.Instruction).Append("\n\n");
        Section(text, labels.Question, @case.Question);
        Section(text, labels.Reference, @case.Reference);
        if (@case.Code is { Length: > 0 } code)
        {
            text.Append("### ").Append(labels.Program).Append("\n```python\n").Append(Tail(code.TrimEnd())).Append("\n```\n\n");
            Section(text, labels.Output, @case.Output is { Length: > 0 } output ? Tail(output.TrimEnd()) : "(none)");
        }
        else Section(text, labels.Answer, @case.Answer ?? "(none)");
        return text.Append(template.Ask).ToString();
    }

    private static void Section(StringBuilder text, string label, string body) =>
        text.Append("### ").Append(label).Append('\n').Append(body.Trim()).Append("\n\n");

    /// <summary>SHA-256 of the compact prompt's wording (a probe case rendered), recorded in a compact critic's identity.</summary>
    public static string CompactHash { get; } =
        Sha256.Hex(Compact(new CritiqueCase("probe", 0, "probe", Language.En, "", "\u0001", "\u0002", "\u0003", null, "")));

    private static string Short(string text)
    {
        var line = string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxCompactSection ? line : "…" + line[^MaxCompactSection..];
    }

    private static string Tail(string text) => text.Length <= MaxSection ? text : "…" + text[^MaxSection..];
}
