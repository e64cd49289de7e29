using SIaM.Core;

namespace SIaM.Training.Losses;

/// <summary>The preference losses by CLI name, with the defaults the loop uses.</summary>
public static class PreferenceLosses
{
    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["dpo", "ipo", "orpo", "kto", "simpo"];

    /// <summary>The loss called <paramref name="name"/>; <paramref name="beta"/> null keeps the method's default.</summary>
    public static IPreferenceLoss Create(string name, double? beta = null, double lambda = 0) => name switch
    {
        "dpo" => new DpoLoss(beta ?? 0.1, lambda),
        "ipo" => new IpoLoss(beta ?? 0.1),
        "orpo" => new OrpoLoss(beta ?? 0.1),
        "kto" => new KtoLoss(beta ?? 0.1),
        "simpo" => new SimPoLoss(beta ?? 2.0),
        _ => throw new InputException($"unknown preference algorithm '{name}' (known: {string.Join(", ", Names)})"),
    };
}
