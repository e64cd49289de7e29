using System.Text;

namespace SIaM.Tokenization.Chat;

/// <summary>Decodes the escapes of a Jinja string literal (<c>\n</c>, <c>\t</c>, <c>\\</c>, <c>\'</c>, <c>\"</c>).</summary>
internal static class JinjaLiteral
{
    public static string Unescape(string literal)
    {
        var sb = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\' || i + 1 == literal.Length) { sb.Append(literal[i]); continue; }
            var c = literal[++i];
            sb.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => c });
        }
        return sb.ToString();
    }
}
