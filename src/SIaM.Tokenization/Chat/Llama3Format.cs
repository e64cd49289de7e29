using System.Text;
using System.Text.RegularExpressions;
using SIaM.Core.Backends;

namespace SIaM.Tokenization.Chat;

/// <summary>
/// Llama-3 headers: <c>&lt;|begin_of_text|&gt;</c>, then per message
/// <c>&lt;|start_header_id|&gt;role&lt;|end_header_id|&gt;\n\n</c> + trimmed content + <c>&lt;|eot_id|&gt;</c>. Llama-3.1 and later
/// templates ("Cutting Knowledge Date") always open with a system block that carries the knowledge and today dates;
/// today's date is the template's fixed default ("26 Jul 2024") so that prompts stay deterministic.
/// </summary>
internal sealed partial class Llama3Format(string bosToken, string? todayDate) : IChatFormat
{
    public string Name => "llama3";
    public string? EndOfTurnToken => "<|eot_id|>";

    /// <summary>Reads a Llama-3 template: null date for Llama-3.0, the default date for 3.1 and later.</summary>
    public static Llama3Format From(string template, string bosToken) =>
        new(bosToken, !template.Contains("Cutting Knowledge Date", StringComparison.Ordinal) ? null
            : DateDefault().Match(template) is { Success: true } m ? m.Groups[1].Value : "26 Jul 2024");

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        var sb = new StringBuilder(bosToken);
        var rest = messages;
        if (todayDate is not null)
        {
            var system = messages.Count > 0 && messages[0].Role == "system" ? messages[0].Content.Trim() : "";
            if (messages.Count > 0 && messages[0].Role == "system") rest = messages.Skip(1).ToList();
            sb.Append("<|start_header_id|>system<|end_header_id|>\n\n")
              .Append("Cutting Knowledge Date: December 2023\nToday Date: ").Append(todayDate).Append("\n\n")
              .Append(system).Append("<|eot_id|>");
        }
        foreach (var m in rest) sb.Append(Header(m.Role)).Append(m.Content.Trim()).Append("<|eot_id|>");
        if (addGenerationPrompt) sb.Append(Header("assistant"));
        return sb.ToString();
    }

    private static string Header(string role) => $"<|start_header_id|>{role}<|end_header_id|>\n\n";

    [GeneratedRegex(@"set date_string = [""']([^""']+)[""']")]
    private static partial Regex DateDefault();
}
