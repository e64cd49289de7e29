using SIaM.Evaluation.Scheduling;

namespace SIaM.Tests.Evaluation.Scheduling;

public sealed class InFlightControllerTests
{
    // One window of requests of `latency` seconds each, all sent at `start`: as many as the controller needs to decide.
    private static int Window(InFlightController controller, double start, double latency, bool saturated = true)
    {
        var n = 0;
        while (!controller.WindowComplete)
        {
            controller.Observe(start, start + latency);
            n++;
        }
        Assert.That(n, Is.EqualTo(Math.Max(8, controller.Level / 4)), "a window is a quarter of the level, at least 8");
        return controller.Decide(saturated);
    }

    [Test]
    public void Grows_fourfold_while_latency_stays_flat_and_every_slot_is_busy()
    {
        // Arrange
        var controller = new InFlightController(initial: 8, minimum: 1, maximum: 4096);

        // Act
        var levels = Enumerable.Range(0, 4).Select(round => Window(controller, round, latency: 1.0)).ToList();

        // Assert
        Assert.That(levels, Is.EqualTo(new[] { 32, 128, 512, 2048 }));
    }

    [Test]
    public void Doubles_while_latency_rises_by_less_than_a_fifth()
    {
        // Arrange
        var controller = new InFlightController(8, 1, 4096);

        // Act
        var first = Window(controller, 0, latency: 1.0);
        var second = Window(controller, 1, latency: 1.1);

        // Assert
        Assert.That(first, Is.EqualTo(32));
        Assert.That(second, Is.EqualTo(64));
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

        // Assert: it overshoots once (64 → latency ×2), steps back to 1.2 × 32, and settles where the server stays full
        Assert.That(levels.Take(2), Is.EqualTo(new[] { 64, 38 }));
        Assert.That(levels.Skip(2), Has.All.InRange(32, 48));
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
