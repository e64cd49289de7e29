using System.Globalization;
using SIaM.SelfImprovement;
using SIaM.SelfImprovement.Critic;
using SIaM.SelfImprovement.Synthetic;

namespace SIaM.Training.Tests.Critics;

public sealed class DemoCriticDataTests
{
    private static readonly IReadOnlyList<LoopQuestion> Pool = SyntheticSuite.Generate(seed: 0, seedPerFamily: 5, poolPerFamily: 20, evalPerFamily: 5).Pool
        .Select(p => new LoopQuestion(p.Id, p.Question, p.Answer)).ToList();

    [Test]
    public void No_compact_prompt_and_no_reference_result_pair_is_on_both_sides_of_the_split()
    {
        // Act
        var (train, held) = DemoCriticData.Build(Pool, seed: 0);

        // Assert: checked on the written lines themselves, not on the groups the split formed
        var trainPrompts = train.Select(e => e.Line.Prompt).ToHashSet();
        var trainPairs = train.Select(e => (e.Reference, e.Output)).ToHashSet();
        Assert.That(held, Has.Count.GreaterThan(train.Count / 10), "a held-out set of some size");
        Assert.That(held.Where(e => trainPrompts.Contains(e.Line.Prompt)), Is.Empty);
        Assert.That(held.Where(e => trainPairs.Contains((e.Reference, e.Output))), Is.Empty);
    }

    [Test]
    public void The_trivial_baseline_is_right_where_the_output_states_one_number_and_only_on_the_wrong_side_elsewhere()
    {
        // Arrange
        var (train, held) = DemoCriticData.Build(Pool, seed: 0);
        var all = train.Concat(held).ToList();
        DemoCriticData.Format[] stateOneNumber =
        [
            DemoCriticData.Format.Plain, DemoCriticData.Format.Float, DemoCriticData.Format.Unit, DemoCriticData.Format.Labelled,
        ];

        // Act
        var oneNumber = all.Where(e => stateOneNumber.Contains(e.Format)).ToList();
        var other = all.Where(e => !stateOneNumber.Contains(e.Format)).ToList();

        // Assert: comparing the two numbers decides the plain formats, and says NO to every working, words or scale
        // output, right or wrong, so there a critic has something to add
        Assert.That(oneNumber.Where(e => DemoCriticData.Trivial(e) != e.Line.Label), Is.Empty);
        Assert.That(other, Has.Count.GreaterThan(all.Count / 5));
        Assert.That(other.Where(e => DemoCriticData.Trivial(e)), Is.Empty);
        var heldAccuracy = held.Count(e => DemoCriticData.Trivial(e) == e.Line.Label) / (double)held.Count;
        Assert.That(heldAccuracy, Is.LessThan(0.9), "the trivial baseline leaves room on the held-out side");
    }

    [Test]
    public void No_format_tells_the_label_each_holds_right_and_wrong_results_alike()
    {
        // Act
        var (train, held) = DemoCriticData.Build(Pool, seed: 0);

        // Assert
        foreach (var format in Enum.GetValues<DemoCriticData.Format>().Where(f => f != DemoCriticData.Format.Fraction))
        {
            var examples = train.Concat(held).Where(e => e.Format == format).ToList();
            var yes = examples.Count(e => e.Line.Label);
            Assert.That(examples, Has.Count.GreaterThan(50), $"{format}: drawn");
            Assert.That(yes / (double)examples.Count, Is.InRange(0.4, 0.6), $"{format}: {yes} right of {examples.Count}");
        }
    }

    [Test]
    public void A_result_in_working_words_or_a_scale_word_states_the_value_it_is_labelled_by()
    {
        // Act
        var (train, held) = DemoCriticData.Build(Pool, seed: 0);
        var all = train.Concat(held).ToList();

        // Assert: read back independently of the renderer; right examples state the reference, wrong ones another value
        foreach (var e in all.Where(e => e.Format is DemoCriticData.Format.Working or DemoCriticData.Format.Words or DemoCriticData.Format.Scale))
        {
            var stated = Stated(e);
            var reference = double.Parse(e.Reference, CultureInfo.InvariantCulture);
            Assert.That(stated == reference, Is.EqualTo(e.Line.Label), $"{e.Format}: {e.Output} for {e.Reference}");
        }
    }

    [TestCase(0, "zero", "零")]
    [TestCase(7, "seven", "七")]
    [TestCase(10, "ten", "十")]
    [TestCase(13, "thirteen", "十三")]
    [TestCase(40, "forty", "四十")]
    [TestCase(99, "ninety-nine", "九十九")]
    public void Whole_numbers_are_written_out_in_english_and_chinese(int n, string en, string zh)
    {
        Assert.That((NumberWords.En(n), NumberWords.Zh(n)), Is.EqualTo((en, zh)));
    }

    [Test]
    public void Numbers_past_ninety_nine_are_not_written_out()
    {
        Assert.That(() => NumberWords.En(100), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private static double Stated(DemoCriticData.Example e)
    {
        switch (e.Format)
        {
            case DemoCriticData.Format.Working:
                var parts = e.Output.Split(' ');
                var (a, b, result) = (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture),
                    double.Parse(parts[4], CultureInfo.InvariantCulture));
                Assert.That(parts[1] == "+" ? a + b : a - b, Is.EqualTo(result), $"the working adds up: {e.Output}");
                return result;
            case DemoCriticData.Format.Words:
                return Enumerable.Range(0, NumberWords.Max + 1).Single(n => NumberWords.En(n) == e.Output || NumberWords.Zh(n) == e.Output);
            default:
                var scale = e.Output.EndsWith('万') ? 10_000 : 1_000;
                var number = e.Output.Replace(" thousand", "").TrimEnd('万', '千');
                return Math.Round(double.Parse(number, CultureInfo.InvariantCulture) * scale);
        }
    }
}
