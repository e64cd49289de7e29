namespace SIaM.Grading.Extraction;

/// <summary>Finds the answer stated after a phrase such as "The answer is" or "答案是" (the last such phrase wins).</summary>
public static class AnswerPhrase
{
    private static readonly string[] Phrases =
    [
        "final answer is", "final answer:", "the answer is", "answer is", "answer:", "the result is", "the final result is",
        "故答案为", "最终答案是", "最终答案为", "最终答案:", "所以答案是", "所以答案为", "答案是", "答案为", "答案应为",
        "答案:", "答案：", "答:", "答：", "故填", "故选",
    ];

    public static string? Last(string text)
    {
        var best = -1;
        var length = 0;
        foreach (var phrase in Phrases)
        {
            var at = LastIndex(text, phrase);
            if (at > best || (at == best && at >= 0 && phrase.Length > length)) { best = at; length = phrase.Length; }
        }
        if (best < 0) return null;
        var rest = text[(best + length)..];
        var end = rest.IndexOf('\n');
        if (end >= 0 && rest[..end].Trim().Length > 0) rest = rest[..end];
        else if (end >= 0)
        {
            rest = rest.TrimStart();
            var nl = rest.IndexOf('\n');
            if (nl >= 0) rest = rest[..nl];
        }
        rest = CutSentence(rest).Trim().TrimStart(':', '：', ' ').Trim();
        rest = rest.Trim('*').Trim();
        return rest.Length == 0 ? null : rest;
    }

    /// <summary>The last occurrence of <paramref name="phrase"/>; "答：" inside "解答：" (the start of a solution) does not count.</summary>
    private static int LastIndex(string text, string phrase)
    {
        var at = text.LastIndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        while (at > 0 && phrase[0] == '答' && text[at - 1] == '解') at = text.LastIndexOf(phrase, at - 1, StringComparison.OrdinalIgnoreCase);
        return at;
    }

    /// <summary>Cuts at the first sentence end (". " or "。") outside <c>$…$</c>, keeping decimal points.</summary>
    private static string CutSentence(string s)
    {
        var inMath = false;
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '$') inMath = !inMath;
            else if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (inMath || depth > 0) continue;
            else if (c == '。') return s[..i];
            else if (c == '.' && (i + 1 == s.Length || char.IsWhiteSpace(s[i + 1]))) return s[..i];
            else if (c is '，' or ',' && i + 1 < s.Length && s[i + 1] == ' ' && LooksLikeProse(s[(i + 1)..])) return s[..i];
        }
        return s;
    }

    private static bool LooksLikeProse(string s)
    {
        var word = s.TrimStart().Split(' ')[0];
        return word.Length > 3 && word.All(char.IsAsciiLetter);
    }
}
