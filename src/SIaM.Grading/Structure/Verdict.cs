namespace SIaM.Grading.Structure;

/// <summary>The outcome of one comparison step and the path that decided it.</summary>
internal readonly record struct Verdict(bool Equal, string Path)
{
    public static Verdict Yes(string path) => new(true, path);
    public static Verdict No(string path) => new(false, path);
}
