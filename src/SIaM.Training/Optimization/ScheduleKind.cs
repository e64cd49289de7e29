namespace SIaM.Training.Optimization;

/// <summary>The decay after warm-up.</summary>
public enum ScheduleKind
{
    /// <summary>Half a cosine from the peak to zero.</summary>
    Cosine,

    /// <summary>A straight line from the peak to zero.</summary>
    Linear,

    /// <summary>The peak until the end.</summary>
    Constant,
}
