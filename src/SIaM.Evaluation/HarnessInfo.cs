using System.Reflection;

namespace SIaM.Evaluation;

/// <summary>The harness's version and the git revision it was built from (stamped by the SDK's source link).</summary>
public static class HarnessInfo
{
    private static readonly string Informational =
        typeof(HarnessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The harness version, e.g. <c>0.1.0</c>.</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The commit the harness was built from, or <c>unknown</c>.</summary>
    public static string GitRevision => Informational.Contains('+') ? Informational.Split('+')[1] : "unknown";
}
