using SIaM.Evaluation.Scheduling;

namespace SIaM.Tests.Evaluation.Scheduling;

public sealed class InFlightControllerTests
{
    // One window of `count` requests of `latency` seconds each, all sent at `start`.
    private static int Window(InFlightController controller, double start, double latency, bool saturated = true, int? count = null)
    {
        var n = count ?? Math.Max(8, controller.Level);
        for (var i = 0; i < n; i++) controller.Observe(start, start + latency);
        Assert.That(controller.WindowComplete, Is.True);
        return controller.Decide(saturated);
    }

    [Test]
    public void Doubles_while_latency_stays_flat_and_every_slot_is_busy()
    {
        // Arrange
        var controller = new InFlightController(initial: 8, minimum: 1, maximum: 4096);

        // Act
        var levels = Enumerable.Range(0, 4).Select(round => Window(controller, round, latency: 1.0)).ToList();

        // Assert
        Assert.That(levels, Is.EqualTo(new[] { 16, 32, 64, 128 }));
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
        // Arrange: a window half full, then an attempt of a request sent under this level is throttled
        var controller = new InFlightController(64, 1, 4096);
        for (var i = 0; i < 20; i++) controller.Observe(0, 1.0);

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

        // Act: more of the same burst (sent before t = 2) are throttled, retried and complete
        var again = controller.Throttled(startedAt: 1.5, now: 2.5);
        for (var i = 0; i < 100; i++) controller.Observe(1.5, 3);

        // Assert
        Assert.That(again, Is.False);
        Assert.That(controller.Level, Is.EqualTo(32));
        Assert.That(controller.WindowComplete, Is.False);
    }

    [Test]
    public void Steps_down_when_latency_rises_well_above_the_best_seen_and_holds_in_between()
    {
        // Arrange: a server with room for about 32 sequences; above that each request waits its turn
        var controller = new InFlightController(16, 1, 4096);
        double Latency(int level) => Math.Max(1.0, level / 32.0);

        // Act
        var levels = new List<int>();
        for (var round = 0; round < 12; round++) levels.Add(Window(controller, round * 10, Latency(controller.Level)));

        // Assert: it overshoots once (64 → latency ×2), steps back, and settles where the server stays full
        Assert.That(levels.Take(3), Is.EqualTo(new[] { 32, 64, 48 }));
        Assert.That(levels.Skip(3), Has.All.InRange(32, 48));
    }

    [Test]
    public void One_lucky_window_does_not_hold_the_level_down_for_the_rest_of_the_run()
    {
        // Arrange: a server whose latency does not depend on the level (1 s), and one window that happened to be fast
        var controller = new InFlightController(16, 1, 4096);
        Window(controller, 0, 1.0);
        Window(controller, 10, 0.5);

        // Act: from then on every window takes the server's usual 1 s
        var levels = Enumerable.Range(2, 6).Select(round => Window(controller, round * 10, 1.0)).ToList();

        // Assert: one step down, which does not bring latency down, so the fast window is taken for luck and it grows again
        Assert.That(levels[0], Is.EqualTo(48));
        Assert.That(levels[1], Is.EqualTo(48));
        Assert.That(levels.Skip(2), Is.Ordered.Ascending.And.All.GreaterThan(48));
    }

    [Test]
    public void Answers_of_different_lengths_read_as_one_speed_when_requests_report_their_tokens()
    {
        // Arrange: latency = 0.05 s + tokens / 200 per second, and each window happens to hold answers of other lengths
        var controller = new InFlightController(8, 1, 4096);
        int[] lengths = [320, 64, 320, 64, 200, 64];

        // Act
        var levels = new List<int>();
        for (var round = 0; round < lengths.Length; round++)
        {
            var n = Math.Max(8, controller.Level);
            for (var i = 0; i < n; i++) controller.Observe(round * 10, round * 10 + 0.05 + lengths[round] / 200.0, lengths[round]);
            levels.Add(controller.Decide(saturated: true));
        }

        // Assert: per token the speed is flat (within the 1.2 band), so it doubles every window
        Assert.That(levels, Is.EqualTo(new[] { 16, 32, 64, 128, 256, 512 }));
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
