using SIaM.Evaluation.Scheduling;

namespace SIaM.Tests.Evaluation.Scheduling;

public sealed class InFlightControllerTests
{
    // One cohort of requests sent at `start` (a quarter of the level, at least 16), `latency` seconds each: the controller
    // decides once more than half of them are back.
    private static int Window(InFlightController controller, double start, double latency, bool saturated = true)
    {
        var cohort = Math.Max(16, controller.Level / 4);
        for (var i = 0; i < cohort; i++) controller.Sent(start);
        var back = 0;
        while (!controller.WindowComplete)
        {
            controller.Observe(start, start + latency);
            back++;
        }
        Assert.That(back, Is.EqualTo(cohort / 2 + 1));
        return controller.Decide(saturated);
    }

    [Test]
    public void Doubles_on_each_cohort_while_latency_stays_flat_and_every_slot_is_busy()
    {
        // Arrange
        var controller = new InFlightController(initial: 8, minimum: 1, maximum: 4096);

        // Act
        var levels = Enumerable.Range(0, 4).Select(round => Window(controller, round, latency: 1.0)).ToList();

        // Assert
        Assert.That(levels, Is.EqualTo(new[] { 16, 32, 64, 128 }));
    }

    [Test]
    public void Decides_on_the_median_of_its_cohort_and_ignores_requests_sent_after_it()
    {
        // Arrange: a cohort of 16 sent at t = 0, then 20 more requests sent at t = 0.5
        var controller = new InFlightController(8, 1, 4096);
        for (var i = 0; i < 36; i++) controller.Sent(i < 16 ? 0 : 0.5);

        // Act: the later requests come back fast, the cohort's first half slowly (the server queued the cohort)
        for (var i = 0; i < 20; i++) controller.Observe(0.5, 0.6);
        var beforeCohort = controller.WindowComplete;
        for (var i = 0; i < 9; i++) controller.Observe(0, 1.0 + i / 2.0);
        var level = controller.Decide(saturated: true);

        // Assert: the fast later requests did not count; the cohort (median 5 s) set the best latency, and the level doubled
        Assert.That(beforeCohort, Is.False);
        Assert.That(level, Is.EqualTo(16));
        Assert.That(Window(controller, 10, 5.0), Is.EqualTo(32));
        Assert.That(Window(controller, 20, 8.0), Is.EqualTo(24), "8 s is 1.6 × the best 5 s: down to 32 × 1.2 ÷ 1.6");
    }

    [Test]
    public void A_lucky_fast_cohort_does_not_hold_the_level_down_for_good()
    {
        // Arrange: the first cohort came back in 0.8 s, every later one takes 1 s (the server's usual latency)
        var controller = new InFlightController(64, 1, 4096);
        var first = Window(controller, 0, 0.8);

        // Act
        var levels = Enumerable.Range(1, 3).Select(round => Window(controller, round * 10, 1.0)).ToList();

        // Assert: 1 s is 1.25 × 0.8 s, above the 1.2× that growing needs, so it holds once; the bar rises by 5% a decision
        Assert.That(first, Is.EqualTo(128));
        Assert.That(levels, Is.EqualTo(new[] { 128, 256, 512 }));
    }

    [Test]
    public void Stays_when_the_work_and_not_the_level_was_the_bound()
    {
        // Arrange
        var controller = new InFlightController(8, 1, 4096);

        // Act
        var level = Window(controller, 0, 1.0, saturated: false);

        // Assert
        Assert.That(level, Is.EqualTo(8));
    }

    [Test]
    public void Halves_at_once_on_a_throttled_attempt_then_grows_by_an_eighth()
    {
        // Arrange: a window half full, then a request sent under this level is throttled
        var controller = new InFlightController(64, 1, 4096);
        for (var i = 0; i < 16; i++) controller.Sent(0);
        for (var i = 0; i < 5; i++) controller.Observe(0, 1.0);

        // Act
        var changed = controller.Throttled(startedAt: 0.5, now: 1.2);
        var backedOff = controller.Level;
        var regrown = Window(controller, 2, 1.0);

        // Assert
        Assert.That(changed, Is.True);
        Assert.That(backedOff, Is.EqualTo(32));
        Assert.That(regrown, Is.EqualTo(36));
    }

    [Test]
    public void Ignores_throttling_and_completions_of_requests_sent_before_its_last_decision()
    {
        // Arrange: one back-off at t = 2
        var controller = new InFlightController(64, 1, 4096);
        controller.Throttled(startedAt: 1, now: 2);

        // Act: more of the same burst (sent before t = 2) are throttled and complete
        var again = controller.Throttled(startedAt: 1.5, now: 2.5);
        for (var i = 0; i < 100; i++) controller.Observe(1.5, 3);

        // Assert
        Assert.That(again, Is.False);
        Assert.That(controller.Level, Is.EqualTo(32));
        Assert.That(controller.WindowComplete, Is.False);
    }

    [Test]
    public void Steps_down_to_where_latency_was_flat_when_it_rises_well_above_the_best_seen_and_holds_in_between()
    {
        // Arrange: a server with room for about 32 sequences; above that each request waits its turn
        var controller = new InFlightController(16, 1, 4096);
        double Latency(int level) => Math.Max(1.0, level / 32.0);

        // Act
        var levels = new List<int>();
        for (var round = 0; round < 12; round++) levels.Add(Window(controller, round * 10, Latency(controller.Level)));

        // Assert: it overshoots once (64 → latency ×2), steps back to 1.2 × 32, and settles where the server stays full and
        // latency is at most about 1.5× the fastest (the bar rises to 1.25× the fastest; growing needs 1.2× the bar)
        Assert.That(levels.Take(3), Is.EqualTo(new[] { 32, 64, 38 }));
        Assert.That(levels.Skip(3), Has.All.InRange(32, 52));
        Assert.That(levels.Skip(8).Distinct().Count(), Is.EqualTo(1), "it settles");
    }

    [Test]
    public void Never_leaves_its_bounds()
    {
        // Arrange
        var controller = new InFlightController(initial: 100, minimum: 2, maximum: 24);

        // Act
        var high = Window(controller, 0, 1.0);
        for (var round = 1; round <= 8; round++) controller.Throttled(startedAt: round, now: round + 0.5);

        // Assert
        Assert.That(high, Is.EqualTo(24));
        Assert.That(controller.Level, Is.EqualTo(2));
    }
}
