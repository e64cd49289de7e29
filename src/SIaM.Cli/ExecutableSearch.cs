namespace SIaM.Cli;

/// <summary>Finds an executable as a shell would: a path with a slash as given, a bare name on <c>PATH</c>.</summary>
internal static class ExecutableSearch
{
    /// <summary>The full path of <paramref name="name"/>, or null when there is no such file.</summary>
    public static string? Find(string name)
    {
        if (name.Contains('/')) return File.Exists(name) ? Path.GetFullPath(name) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
