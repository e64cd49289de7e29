using SIaM.Core.Benchmarks;
using SIaM.Critique.Pipeline;
using SIaM.Critique.Tests.Support;
using SIaM.Critique.TrainingData;

namespace SIaM.Critique.Tests.TrainingData;

public sealed class CriticDataBuilderTests
{
    private static readonly RunFixture.Sample[] Samples = Enumerable.Range(0, 60)
        .Select(i => new RunFixture.Sample($"p/{i}", i % 3 == 0, Gradable: i != 5, Completion: i == 7 ? "" : "```python\nprint(1)\n```"))
        .ToArray();

    private static CriticDataSet Build()
    {
        var records = Samples.Select(RunFixture.Record).ToList();
        records.Add(RunFixture.Record(Samples[0]) with { Sample = 1 }); // the same program again
        records.Add(RunFixture.Record(Samples[3]) with { Sample = 1, Code = "print(2)", Correct = false });
        return CriticDataBuilder.Build(records, RunFixture.Problems(Samples), heldOut: 0.25);
    }

    [Test]
    public void Each_split_is_balanced_and_the_splits_share_no_problem()
    {
        // Act
        var set = Build();

        // Assert
        Assert.That(set.Train.Count(e => e.Label), Is.EqualTo(set.Train.Count(e => !e.Label)).And.GreaterThan(5));
        Assert.That(set.HeldOut.Count(e => e.Label), Is.EqualTo(set.HeldOut.Count(e => !e.Label)).And.GreaterThan(0));
        Assert.That(set.Train.Select(e => e.Id).Intersect(set.HeldOut.Select(e => e.Id)), Is.Empty);
        Assert.That(set.Train.Concat(set.HeldOut).All(e => e.Response == (e.Label ? "YES" : "NO")));
        Assert.That(set.Train[0].Prompt, Does.EndWith("Answer:"));
        Assert.That(set.Train[0].Messages[^1].Role, Is.EqualTo("user"));
    }

    [Test]
    public void Duplicates_ungradable_and_invalid_samples_are_left_out_and_the_result_is_deterministic()
    {
        // Act
        var (first, second) = (Build(), Build());

        // Assert
        var all = first.Train.Concat(first.HeldOut).ToList();
        Assert.That(all.Count(e => e.Id == "p/0"), Is.LessThanOrEqualTo(1), "the same problem and program counts once");
        Assert.That(all.Select(e => e.Id), Has.None.EqualTo("p/5").And.None.EqualTo("p/7"));
        Assert.That(second.Train.Select(e => (e.Id, e.Sample)), Is.EqualTo(first.Train.Select(e => (e.Id, e.Sample))));
    }
}
