namespace SIaM.Evaluation.Scheduling;

/// <summary>
/// Chooses how many model requests to keep in flight, from what the requests themselves show: no clock, no I/O.
/// A throttled (429/503) or timed-out attempt of a request sent under the current level halves the level at once
/// (<see cref="Throttled"/>), before the backend retries it. Otherwise it observes a window of completions of requests
/// sent since its last decision (at least one level's worth), then decides once:
/// <list type="bullet">
/// <item>a window whose median latency rose well above the best seen (the server is queueing) steps it down by a quarter,
/// unless the last step down did not bring latency down: then the best was a lucky window, not the server's speed, and
/// the current latency becomes the best (the level holds);</item>
/// <item>a window that kept every slot busy, with latency flat and throughput not falling, grows it: doubling until the
/// first back-off, then by an eighth;</item>
/// <item>otherwise it stays (the work, not the level, was the bound).</item>
/// </list>
/// Latency and throughput are measured per generated token when most requests of the window report their token count,
/// so answers of different lengths do not read as a change of the server's speed; else per request.
/// </summary>
public sealed class InFlightController
{
    private const int MinWindow = 8;
    private const double RisingLatency = 1.5;
    private const double FlatLatency = 1.2;
    private const double StillRising = 0.9;
    private readonly List<double> _latencies = [];
    private readonly List<double> _perToken = [];
    private long _tokens;
    private double? _windowStart;
    private double _lastSeen;
    private double? _bestLatency;
    private bool _bestPerToken;
    private double? _lastMedian;
    private bool _lastSteppedDown;
    private double? _lastThroughput;
    private bool _backedOff;
    private double _decidedAt = double.NegativeInfinity;

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

    /// <summary>Whether the current window has enough completions to decide on.</summary>
    public bool WindowComplete => _latencies.Count >= Math.Max(MinWindow, Level);

    /// <summary>Records one finished request.</summary>
    /// <param name="startedAt">When it was sent, in seconds on any monotonic clock.</param>
    /// <param name="finishedAt">When it came back, on the same clock.</param>
    /// <param name="tokens">The tokens it generated, when the backend reported them.</param>
    public void Observe(double startedAt, double finishedAt, int? tokens = null)
    {
        if (startedAt < _decidedAt) return; // sent under an earlier level: it says nothing about this one
        _windowStart ??= startedAt;
        _lastSeen = Math.Max(_lastSeen, finishedAt);
        _latencies.Add(finishedAt - startedAt);
        if (tokens is not > 0) return;
        _perToken.Add((finishedAt - startedAt) / tokens.Value);
        _tokens += tokens.Value;
    }

    /// <summary>Closes the window and returns the new level.</summary>
    /// <param name="saturated">Whether every slot was busy at some point of the window (else growing would change nothing).</param>
    public int Decide(bool saturated)
    {
        if (_latencies.Count == 0) return Level;
        var perToken = _perToken.Count * 2 > _latencies.Count;
        var median = Median(perToken ? _perToken : _latencies);
        if (perToken != _bestPerToken) (_bestLatency, _lastMedian, _lastSteppedDown, _bestPerToken) = (null, null, false, perToken);
        var previousThroughput = _lastThroughput;
        var throughput = (perToken ? _tokens : _latencies.Count) / Math.Max(1e-9, _lastSeen - _windowStart!.Value);
        var best = _bestLatency ?? median;
        var steppedDown = false;
        _lastThroughput = throughput;
        if (median > best * RisingLatency)
        {
            if (_lastSteppedDown && median >= StillRising * _lastMedian!.Value) best = median; // stepping down did not help
            else
            {
                BackOff(0.75);
                steppedDown = true;
            }
        }
        else if (saturated && median <= best * FlatLatency && throughput >= 0.95 * (previousThroughput ?? 0))
            Level = Math.Min(Maximum, _backedOff ? Level + Math.Max(1, Level / 8) : Level * 2);
        (_bestLatency, _lastMedian, _lastSteppedDown) = (Math.Min(best, median), median, steppedDown);
        StartWindow(_lastSeen);
        return Level;
    }

    /// <summary>
    /// An attempt of a request was throttled or timed out: halves the level at once, unless the request was sent under an
    /// earlier level (then the level has already answered that burst). Starts a new window.
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

    private void StartWindow(double at)
    {
        _latencies.Clear();
        _perToken.Clear();
        _tokens = 0;
        _windowStart = null;
        _decidedAt = at;
    }

    private void BackOff(double factor)
    {
        Level = Math.Max(Minimum, (int)(Level * factor));
        _backedOff = true;
        _lastThroughput = null;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
