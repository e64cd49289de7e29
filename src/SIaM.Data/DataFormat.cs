namespace SIaM.Data;

/// <summary>How a benchmark data file stores its records.</summary>
public enum DataFormat
{
    /// <summary>One JSON object per line (also Ape210K's <c>.json</c>, which is JSON Lines).</summary>
    JsonLines,
    /// <summary>One JSON array of objects (Math23K, pretty-printed).</summary>
    JsonArray,
    /// <summary>One JSON object whose properties are records keyed by id, in file order (TabMWP).</summary>
    JsonObjectById,
    /// <summary>Headerless tab-separated values (MGSM: question, answer).</summary>
    Tsv,
}
