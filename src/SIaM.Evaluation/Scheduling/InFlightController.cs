namespace SIaM.Evaluation.Scheduling;

/// <summary>
/// Chooses how many model requests to keep in flight, from what the requests themselves show: no clock, no I/O.
/// A throttled (429/503) or timed-out attempt of a request sent under the current level halves the level at once
/// (<see cref="Throttled"/>), before the backend retries it. Otherwise, after each decision it follows a cohort: the
/// first requests sent under the new level (a quarter of the level, at least 16). Once more than half of the cohort has
/// come back, the slowest of them is the cohort's median latency (the first to return are the fastest), and it decides:
/// <list type="bullet">
/// <item>median latency well above the best (the server is queueing): down to where latency was flat
/// (level × 1.2 × best ÷ median), by a quarter to a half;</item>
/// <item>every slot busy, latency within 1.2× of the best and throughput (level ÷ latency) not falling: doubles until the
/// first back-off, then grows by an eighth;</item>
/// <item>otherwise it stays (the work, not the level, was the bound).</item>
/// </list>
/// The best is the lowest cohort median seen, drifting up by 5% a decision (so one lucky fast cohort does not set the bar
/// for good) to at most 1.25× the fastest (so the bar does not creep up with a queue).
/// A cohort decides after about one median latency, whatever the level: the level reaches 1,024 from 8 in seven latencies.
/// </summary>
public sealed class InFlightController
{
    private const int MinCohort = 16;
    private const double BestDrift = 1.05;
    private const double BestCeiling = 1.25;
    private const double RisingLatency = 1.5;
    private const double FlatLatency = 1.2;
    private readonly List<double> _latencies = [];
    private double _lastSeen;
    private double? _bestLatency;
    private double? _fastestLatency;
    private double? _lastThroughput;
    private bool _backedOff;
    private double _decidedAt = double.NegativeInfinity;
    private int _cohortSize = MinCohort;
    private int _cohortSent;
    private double _cohortLastSent = double.PositiveInfinity;

    /// <param name="initial">The first level.</param>
    /// <param name="minimum">The level never goes below this (≥ 1).</param>
    /// <param name="maximum">The level never goes above this (the endpoint's cap, or the harness's ceiling).</param>
    public InFlightController(int initial, int minimum, int maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, minimum);
        Minimum = minimum;
        Maximum = maximum;
        Level = Math.Clamp(initial, minimum, maximum);
    }

    /// <summary>Requests to keep in flight now.</summary>
    public int Level { get; private set; }

    /// <summary>The least level.</summary>
    public int Minimum { get; }

    /// <summary>The greatest level.</summary>
    public int Maximum { get; }

    /// <summary>Whether more than half of the cohort has come back: enough to decide on.</summary>
    public bool WindowComplete => _latencies.Count > _cohortSize / 2;

    /// <summary>Records a request as it is sent (the first ones after a decision form the next cohort).</summary>
    /// <param name="startedAt">When it was sent, in seconds on any monotonic clock.</param>
    public void Sent(double startedAt)
    {
        if (startedAt < _decidedAt || _cohortSent >= _cohortSize) return;
        _cohortSent++;
        if (_cohortSent == _cohortSize) _cohortLastSent = startedAt;
    }

    /// <summary>Records one finished request.</summary>
    /// <param name="startedAt">When it was sent (as given to <see cref="Sent"/>).</param>
    /// <param name="finishedAt">When it came back, on the same clock.</param>
    public void Observe(double startedAt, double finishedAt)
    {
        if (startedAt < _decidedAt) return; // sent under an earlier level: it says nothing about this one
        if (startedAt > _cohortLastSent) return; // sent after the cohort: it would favour the fastest of the later ones
        _lastSeen = Math.Max(_lastSeen, finishedAt);
        _latencies.Add(finishedAt - startedAt);
    }

    /// <summary>
    /// An attempt of a request was throttled or timed out: halves the level at once, unless the request was sent under an
    /// earlier level (then the level has already answered it). Starts a new window.
    /// </summary>
    /// <param name="startedAt">When the request was sent.</param>
    /// <param name="now">Now, on the same clock.</param>
    /// <returns>Whether the level changed.</returns>
    public bool Throttled(double startedAt, double now)
    {
        if (startedAt < _decidedAt) return false;
        var before = Level;
        BackOff(0.5);
        StartWindow(Math.Max(now, _lastSeen));
        return Level != before;
    }

    /// <summary>Closes the window and returns the new level.</summary>
    /// <param name="saturated">Whether every slot was busy at some point of the window (else growing would change nothing).</param>
    public int Decide(bool saturated)
    {
        if (_latencies.Count == 0) return Level;
        var median = _latencies.Max(); // the slowest of the first half back: the cohort's median
        var previousThroughput = _lastThroughput;
        var throughput = Level / Math.Max(1e-9, median); // Little's law: a short window's own span says little
        var best = _bestLatency ?? median;
        _lastThroughput = throughput;
        if (median > best * RisingLatency) BackOff(Math.Clamp(FlatLatency * best / median, 0.5, 0.75));
        else if (saturated && median <= best * FlatLatency && throughput >= 0.95 * (previousThroughput ?? 0))
            Level = Math.Min(Maximum, _backedOff ? Level + Math.Max(1, Level / 8) : Level * 2);
        _fastestLatency = Math.Min(_fastestLatency ?? median, median);
        // a lucky fast cohort must not set the bar for good, nor may the bar creep up with a queue
        _bestLatency = Math.Min(Math.Min(best * BestDrift, median), BestCeiling * _fastestLatency.Value);
        StartWindow(_lastSeen);
        return Level;
    }

    private void StartWindow(double at)
    {
        _latencies.Clear();
        _decidedAt = at;
        _cohortSize = Math.Max(MinCohort, Level / 4);
        _cohortSent = 0;
        _cohortLastSent = double.PositiveInfinity;
    }

    private void BackOff(double factor)
    {
        Level = Math.Max(Minimum, (int)(Level * factor));
        _backedOff = true;
        _lastThroughput = null;
    }
}
