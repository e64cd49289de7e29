namespace SIaM.Perf;

/// <summary>
/// The home of measurement code: benchmarks, soak runs, simulated servers and simulations. Production libraries do not
/// reference it; <c>siam bench …</c> binds options to it and prints its tables.
/// </summary>
public static class PerfProject
{
    /// <summary>The assembly's name, for tables that say what measured them.</summary>
    public const string Name = "SIaM.Perf";
}
