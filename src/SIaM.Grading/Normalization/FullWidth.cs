using System.Text;

namespace SIaM.Grading.Normalization;

/// <summary>Maps full-width forms and CJK punctuation to ASCII.</summary>
public static class FullWidth
{
    public static string ToAscii(string s)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var mapped = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '、' => ',',
                '。' => '.',
                '【' => '[',
                '】' => ']',
                _ => c,
            };
            if (mapped != c) (sb ??= new StringBuilder(s, 0, i, s.Length)).Append(mapped);
            else sb?.Append(c);
        }
        return sb?.ToString() ?? s;
    }
}
