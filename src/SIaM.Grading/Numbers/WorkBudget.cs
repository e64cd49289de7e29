namespace SIaM.Grading.Numbers;

/// <summary>A per-call allowance of work units; once spent, every further step reports exhaustion.</summary>
public sealed class WorkBudget(int units)
{
    private int _left = units;

    public bool Exhausted => _left <= 0;

    /// <summary>Spends <paramref name="cost"/> units; false once the budget is gone.</summary>
    public bool Spend(int cost = 1)
    {
        _left -= cost;
        return _left > 0;
    }
}
