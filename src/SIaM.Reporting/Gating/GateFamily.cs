namespace SIaM.Reporting.Gating;

/// <summary>How the gate spends its false-alarm budget over the rows of one comparison.</summary>
public enum GateFamily
{
    /// <summary>Holm–Bonferroni over every gated row: the chance that any row falsely fails stays below α.</summary>
    Holm,

    /// <summary>
    /// Suites (and benchmarks in no suite) first, with Holm among them; the benchmarks of a suite are looked at only when
    /// that suite failed (Holm over the benchmarks of the failed suites), or with their own budget when one is set.
    /// </summary>
    Hierarchy,

    /// <summary>Every row at α on its own (no family-wise control: many rows make false alarms likely).</summary>
    PerRow,
}
