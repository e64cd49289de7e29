namespace SIaM.Grading;

/// <summary>When x/100 and 100x count as equal to x.</summary>
public enum PercentVariantMode
{
    /// <summary>Never.</summary>
    Off,
    /// <summary>Only when the prediction or the reference carries a percent sign (the default: a bare 500 never equals 5).</summary>
    WhenPercentSign,
    /// <summary>Always, as some other harnesses do.</summary>
    Always,
}
