using SIaM.Core.Backends;

namespace SIaM.Tests.Backends;

public sealed class SampleSeedTests
{
    [Test]
    public void Matches_values_computed_independently_in_python()
    {
        // Values from a separate Python implementation of the documented chain (SplitMix64, FNV-1a-64).
        Assert.That(SampleSeed.Mix(0, "gsm8k/0", 0), Is.EqualTo(0x8041982ee9a9ed48UL));
        Assert.That(SampleSeed.Mix(1, "gsm8k/0", 0), Is.EqualTo(0xda5053095a6f3f4cUL));
        Assert.That(SampleSeed.Mix(0, "gsm8k/0", 1), Is.EqualTo(0x36b09c24338983c1UL));
        Assert.That(SampleSeed.MixToInt(0, "gsm8k/0", 0), Is.EqualTo(1776842086));
    }

    [Test]
    public void Every_run_seed_problem_and_sample_gets_its_own_seed()
    {
        // Arrange: 10 run seeds × 50 problems × 8 samples
        var seeds = new HashSet<ulong>();
        var ints = new HashSet<int>();

        // Act
        for (var run = 0; run < 10; run++)
            for (var problem = 0; problem < 50; problem++)
                for (var sample = 0; sample < 8; sample++)
                {
                    seeds.Add(SampleSeed.Mix(run, $"gsm8k/{problem}", sample));
                    ints.Add(SampleSeed.MixToInt(run, $"gsm8k/{problem}", sample));
                }

        // Assert: no collisions, so in particular run seed 1 sample 0 is not run seed 0 sample 1
        Assert.That(seeds, Has.Count.EqualTo(4000));
        Assert.That(ints, Has.Count.EqualTo(4000));
        Assert.That(SampleSeed.Mix(1, "gsm8k/0", 0), Is.Not.EqualTo(SampleSeed.Mix(0, "gsm8k/0", 1)));
    }

    [Test]
    public void Streams_of_neighbouring_problems_are_uncorrelated()
    {
        // Arrange: the first 1000 draws of problem 0 and problem 1 (same run seed, same sample index)
        var a = new Random(unchecked((int)SampleSeed.Mix(0, "math/0", 0)));
        var b = new Random(unchecked((int)SampleSeed.Mix(0, "math/1", 0)));
        var xs = Enumerable.Range(0, 1000).Select(_ => a.NextDouble()).ToArray();
        var ys = Enumerable.Range(0, 1000).Select(_ => b.NextDouble()).ToArray();

        // Act: Pearson correlation
        var (mx, my) = (xs.Average(), ys.Average());
        var r = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum()
                / Math.Sqrt(xs.Sum(x => (x - mx) * (x - mx)) * ys.Sum(y => (y - my) * (y - my)));

        // Assert: |r| under 4 standard errors of independent streams (1/√1000)
        Assert.That(Math.Abs(r), Is.LessThan(4 / Math.Sqrt(1000)));
    }

    [Test]
    public void A_request_seed_depends_only_on_the_request()
    {
        var config = new GenerationConfig(Temperature: 1, Seed: 3);
        var request = new GenerationRequest("svamp/4", 2, [ChatMessage.User("q")], "", config);

        Assert.That(SampleSeed.Of(request), Is.EqualTo(SampleSeed.Mix(3, "svamp/4", 2)));
        Assert.That(SampleSeed.Of(request with { AssistantPrefix = "continued" }), Is.EqualTo(SampleSeed.Of(request)));
    }
}
