namespace SIaM.Sandbox.Docker;

/// <summary>The median of the last <c>window</c> run times the pool measured (thread-safe; no clock of its own).</summary>
internal sealed class RunTimeMedian(int window = 255)
{
    private readonly double[] _recent = new double[window];
    private readonly Lock _gate = new();
    private int _count;
    private int _next;
    private double? _median;

    /// <summary>Records one run time, in seconds; the oldest one leaves the window once it is full.</summary>
    public void Add(double seconds)
    {
        lock (_gate)
        {
            _recent[_next] = seconds;
            _next = (_next + 1) % _recent.Length;
            _count = Math.Min(_count + 1, _recent.Length);
            _median = null;
        }
    }

    /// <summary>The median run time in the window (the mean of the middle two for an even count); null before any.</summary>
    public double? Median
    {
        get
        {
            lock (_gate)
            {
                if (_count == 0) return null;
                if (_median is { } known) return known;
                var sorted = _recent[.._count];
                Array.Sort(sorted);
                var middle = _count / 2;
                _median = _count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
                return _median;
            }
        }
    }
}
