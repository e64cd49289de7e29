using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class HolmTests
{
    [Test]
    public void Adjusted_p_values_match_the_step_down_computed_by_hand()
    {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → kept monotone at 0.06.
        var adjusted = Holm.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.That(adjusted, Is.EqualTo(new[] { 0.03, 0.06, 0.06, 0.02 }).Within(1e-12));
    }

    [Test]
    public void Adjusted_p_values_never_exceed_one_and_one_row_is_left_alone()
    {
        Assert.That(Holm.Adjust([0.4, 0.5, 0.9]), Has.All.LessThanOrEqualTo(1.0));
        Assert.That(Holm.Adjust([0.0123]), Is.EqualTo(new[] { 0.0123 }));
    }
}
