using SIaM.Core.Benchmarks;
using SIaM.Training.Synthetic;

namespace SIaM.Training.Tests.Synthetic;

public sealed class SyntheticSuiteTests
{
    private static readonly SyntheticSuite Suite = SyntheticSuite.Generate(seed: 3, seedPerFamily: 20, poolPerFamily: 15, evalPerFamily: 10);

    [Test]
    public void The_seed_set_covers_only_in_domain_families_and_the_pool_covers_all_six_in_both_languages()
    {
        // Act
        var seedFamilies = Suite.SeedSet.Select(p => p.Family).Distinct();
        var poolFamilies = Suite.Pool.Select(p => (p.Family, p.Language)).Distinct();

        // Assert
        Assert.That(seedFamilies, Is.EquivalentTo(new[] { "chain", "rate", "units" }));
        Assert.That(poolFamilies.Count(), Is.EqualTo(12));
        Assert.That(Suite.SeedSet.Count, Is.EqualTo(20 * 3 * 2));
    }

    [Test]
    public void Out_of_domain_programs_recombine_in_domain_operations_under_wording_the_seed_set_never_shows()
    {
        // Arrange
        var pool = SyntheticSuite.Generate(seed: 5, seedPerFamily: 60, poolPerFamily: 60, evalPerFamily: 0).Pool;
        var inDomain = pool.Where(p => p.InDomain).ToList();
        var outOfDomain = pool.Where(p => !p.InDomain).ToList();
        static string Expression(SyntheticProblem p) => p.Program.TrimEnd().Split('\n')[^1];
        static string Wording(SyntheticProblem p) => new(p.Question.Where(c => !char.IsDigit(c)).ToArray());

        // Act
        var newShapes = outOfDomain.Select(Expression).Except(inDomain.Select(Expression)).ToList();
        var sharedWordings = outOfDomain.Select(Wording).Intersect(inDomain.Select(Wording)).ToList();

        // Assert
        Assert.That(newShapes, Is.Empty, "the out-of-domain families need no operation the seed set lacks");
        Assert.That(sharedWordings, Is.Empty, "but their questions are worded differently");
    }

    [Test]
    public void No_question_appears_in_two_sets()
    {
        // Act
        var all = Suite.SeedSet.Concat(Suite.Pool).Concat(Suite.Evaluation.Values.SelectMany(v => v)).Select(p => p.Question).ToList();

        // Assert
        Assert.That(all, Is.Unique);
    }

    [Test]
    public void Evaluation_suites_are_split_by_language_and_domain()
    {
        // Assert
        Assert.That(Suite.Evaluation.Keys, Is.EqualTo(SyntheticSuite.SuiteNames));
        Assert.That(Suite.Evaluation["zh-ood"].All(p => p.Language == Language.Zh && !p.InDomain), Is.True);
        Assert.That(Suite.Evaluation["en-id"].All(p => p.Language == Language.En && p.InDomain), Is.True);
    }

    [Test]
    public void The_same_seed_gives_the_same_problems()
    {
        // Act
        var again = SyntheticSuite.Generate(seed: 3, seedPerFamily: 20, poolPerFamily: 15, evalPerFamily: 10);

        // Assert
        Assert.That(again.Pool, Is.EqualTo(Suite.Pool));
    }

    [Test]
    public void Every_reference_program_computes_its_answer()
    {
        // Arrange: evaluate the generated a, b, c assignments and the printed expression by hand
        foreach (var p in Suite.SeedSet.Concat(Suite.Pool))
        {
            var lines = p.Program.TrimEnd().Split('\n');
            var values = lines[..^1].Select(l => l.Split(" = ")).ToDictionary(x => x[0], x => double.Parse(x[1]));
            var expression = lines[^1]["print(".Length..^1];
            var parts = expression.Split(' ');

            // Act
            var result = values[parts[0]];
            for (var i = 1; i < parts.Length; i += 2)
            {
                var operand = values.TryGetValue(parts[i + 1], out var v) ? v : double.Parse(parts[i + 1]);
                result = parts[i] switch { "+" => result + operand, "-" => result - operand, "*" => result * operand, "/" => result / operand, "%" => result % operand, _ => double.NaN };
            }

            // Assert
            Assert.That(result, Is.EqualTo(double.Parse(p.Answer)), p.Id + ": " + p.Program);
        }
    }
}
