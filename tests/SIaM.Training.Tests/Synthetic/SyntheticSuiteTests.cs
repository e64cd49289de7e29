using SIaM.Core.Benchmarks;
using SIaM.SelfImprovement.Synthetic;

namespace SIaM.Training.Tests.Synthetic;

public sealed class SyntheticSuiteTests
{
    private static readonly SyntheticSuite Suite = SyntheticSuite.Generate(seed: 3, seedPerFamily: 20, poolPerFamily: 15, evalPerFamily: 10);

    [Test]
    public void The_seed_set_covers_the_seed_tier_the_pool_the_seed_and_answer_only_tiers_and_neither_the_unseen_tier()
    {
        // Act
        var seedFamilies = Suite.SeedSet.Select(p => p.Family).Distinct();
        var poolFamilies = Suite.Pool.Select(p => (p.Family, p.Language)).Distinct().ToList();
        var unseen = Families.All.Where(f => f.Tier == FamilyTier.Unseen).Select(f => f.Name).ToList();

        // Assert
        Assert.That(seedFamilies, Is.EquivalentTo(new[] { "chain", "rate", "units" }));
        Assert.That(poolFamilies, Has.Count.EqualTo(12));
        Assert.That(unseen, Is.EquivalentTo(new[] { "age", "share", "distance" }));
        Assert.That(poolFamilies.Select(f => f.Family).Intersect(unseen), Is.Empty);
        Assert.That(Suite.SeedSet.Count, Is.EqualTo(20 * 3 * 2));
    }

    [Test]
    public void New_tier_programs_recombine_seed_operations_under_wording_the_seed_set_and_pool_never_show()
    {
        // Arrange
        var suite = SyntheticSuite.Generate(seed: 5, seedPerFamily: 60, poolPerFamily: 60, evalPerFamily: 40);
        var inDomain = suite.SeedSet.ToList();
        var outOfDomain = suite.Pool.Where(p => p.Tier == FamilyTier.AnswerOnly)
            .Concat(suite.Evaluation["en-unseen"]).Concat(suite.Evaluation["zh-unseen"]).ToList();
        var unseen = suite.Evaluation["en-unseen"].Concat(suite.Evaluation["zh-unseen"]).ToList();
        static string Expression(SyntheticProblem p) => p.Program.TrimEnd().Split('\n')[^1];
        static string Wording(SyntheticProblem p) => new(p.Question.Where(c => !char.IsDigit(c)).ToArray());

        // Act
        var newShapes = outOfDomain.Select(Expression).Except(inDomain.Select(Expression)).ToList();
        var sharedWordings = outOfDomain.Select(Wording).Intersect(inDomain.Select(Wording)).ToList();

        var unseenFrames = unseen.Select(Wording).Intersect(suite.Pool.Concat(suite.SeedSet).Select(Wording)).ToList();

        // Assert
        Assert.That(newShapes, Is.Empty, "the new tiers need no operation the seed set lacks");
        Assert.That(sharedWordings, Is.Empty, "but their questions are worded differently");
        Assert.That(unseenFrames, Is.Empty, "and no unseen question uses a frame of the seed set or the pool");
    }

    [Test]
    public void No_evaluation_question_has_the_program_of_a_seed_or_pool_question_whatever_its_names_and_objects()
    {
        // Arrange: the program is named by its family and text (the text holds the frame's expression and the values),
        // independently of the generator's own key, so that a generator that de-duplicated by question text fails here
        static string Program(SyntheticProblem p) => p.Family + "\n" + p.Program;
        var trained = Suite.SeedSet.Concat(Suite.Pool).Select(Program).ToHashSet();

        // Act
        var leaked = Suite.Evaluation.Values.SelectMany(v => v).Where(p => trained.Contains(Program(p))).Select(p => p.Id).ToList();
        var repeated = Suite.Evaluation.Values.SelectMany(v => v).Concat(Suite.SeedSet).Concat(Suite.Pool).GroupBy(Program).Where(g => g.Count() > 1).ToList();

        // Assert
        Assert.That(leaked, Is.Empty);
        Assert.That(repeated, Is.Empty, "no program is drawn twice in any set");
    }

    [Test]
    public void Evaluation_suites_are_split_by_language_and_tier()
    {
        // Assert
        Assert.That(Suite.Evaluation.Keys, Is.EqualTo(SyntheticSuite.SuiteNames));
        Assert.That(Suite.Evaluation["zh-answer-only"].All(p => p.Language == Language.Zh && p.Tier == FamilyTier.AnswerOnly), Is.True);
        Assert.That(Suite.Evaluation["en-seed"].All(p => p.Language == Language.En && p.Tier == FamilyTier.Seed), Is.True);
        Assert.That(Suite.Evaluation["en-unseen"].All(p => p.Language == Language.En && p.Tier == FamilyTier.Unseen), Is.True);
        Assert.That(Suite.Evaluation.Values, Has.All.Count.EqualTo(30));
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
        foreach (var p in Suite.SeedSet.Concat(Suite.Pool).Concat(Suite.Evaluation.Values.SelectMany(v => v)))
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
                result = parts[i] switch
                {
                    "+" => result + operand,
                    "-" => result - operand,
                    "*" => result * operand,
                    "/" => result / operand,
                    "%" => result % operand,
                    _ => double.NaN,
                };
            }

            // Assert
            Assert.That(result, Is.EqualTo(double.Parse(p.Answer)), p.Id + ": " + p.Program);
        }
    }
}
