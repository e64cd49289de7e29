using SIaM.Evaluation.Scheduling;

namespace SIaM.Tests.Evaluation.Scheduling;

public sealed class InFlightGateTests
{
    [Test]
    public async Task A_waiting_request_goes_ahead_of_a_new_sample()
    {
        // Arrange: two slots taken, one request waiting
        var gate = new InFlightGate(2);
        await gate.AcquireAsync(CancellationToken.None);
        await gate.AcquireAsync(CancellationToken.None);
        var waiting = gate.AcquireAsync(CancellationToken.None);
        var admission = gate.WaitForRoomAsync(CancellationToken.None);

        // Act
        gate.Release();

        // Assert: the slot went to the waiting request; the new sample is admitted only when demand falls below the limit
        await waiting;
        Assert.That(admission.IsCompleted, Is.False);
        gate.Release();
        await admission;
        Assert.That(gate.InFlight, Is.EqualTo(1));
    }

    [Test]
    public async Task A_larger_limit_starts_waiting_requests_at_once()
    {
        // Arrange
        var gate = new InFlightGate(1);
        await gate.AcquireAsync(CancellationToken.None);
        var waiting = new[] { gate.AcquireAsync(CancellationToken.None), gate.AcquireAsync(CancellationToken.None) };

        // Act
        gate.SetLimit(3);

        // Assert
        await Task.WhenAll(waiting);
        Assert.That(gate.InFlight, Is.EqualTo(3));
        Assert.That(gate.TakeWasFull(), Is.True);
    }

    [Test]
    public async Task A_cancelled_wait_gives_no_slot_away()
    {
        // Arrange
        var gate = new InFlightGate(1);
        await gate.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.AcquireAsync(cancel.Token);

        // Act
        await cancel.CancelAsync();
        await Assert.CatchAsync<OperationCanceledException>(() => waiting);
        gate.Release();

        // Assert
        Assert.That(gate.InFlight, Is.EqualTo(0));
        await gate.AcquireAsync(CancellationToken.None);
        Assert.That(gate.InFlight, Is.EqualTo(1));
    }
}
