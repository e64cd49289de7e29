using System.Numerics;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Structure;

/// <summary>What one comparison carries: the options, its work budget and its evaluation points.</summary>
internal sealed class CompareContext(GradingOptions options)
{
    private readonly Dictionary<string, Complex>[] _points = new Dictionary<string, Complex>[Math.Max(2, options.EvaluationPoints)];
    private readonly Random _random = new(options.Seed);
    private readonly Dictionary<string, double[]> _values = new(StringComparer.Ordinal);

    public GradingOptions Options { get; } = options;
    public WorkBudget Budget { get; } = new(options.Budget);
    public bool PercentSign { get; set; }

    /// <summary>The single-letter variable the question asks for, when it names one.</summary>
    public string? AskedVariable { get; init; }
    public int PointCount => _points.Length;

    /// <summary>The variable values of point <paramref name="k"/>; each variable gets its own deterministic draw.</summary>
    public IReadOnlyDictionary<string, Complex> Point(int k, IEnumerable<string> variables)
    {
        var point = _points[k] ??= new Dictionary<string, Complex>(StringComparer.Ordinal);
        foreach (var v in variables)
        {
            if (point.ContainsKey(v)) continue;
            if (!_values.TryGetValue(v, out var draws))
            {
                draws = new double[_points.Length];
                // Values in (0.6, 2.4), away from 0 and 1 where distinct expressions often coincide.
                for (var i = 0; i < draws.Length; i++) draws[i] = 0.6 + 1.8 * _random.NextDouble();
                _values[v] = draws;
            }
            point[v] = draws[k];
        }
        return point;
    }
}
