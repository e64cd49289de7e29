using SIaM.Core;

namespace SIaM.Data.Tests.Catalog;

[TestFixture]
public sealed class SuitesTests
{
    [Test]
    public void In_domain_suites_hold_the_training_distributions()
    {
        // Arrange / Act
        var enId = Suites.Expand("en-id");
        var zhId = Suites.Expand("zh-id");

        // Assert
        Assert.That(enId, Is.EqualTo(new[] { "gsm8k", "math500", "math" }));
        Assert.That(zhId, Is.EqualTo(new[] { "cmath", "ape210k", "math23k" }));
    }

    [Test]
    public void Suites_partition_every_benchmark_except_the_mawps_subsets()
    {
        // Arrange
        var parts = new[] { "en-id", "en-ood", "zh-id", "zh-ood" }.SelectMany(s => Suites.All[s]).ToList();

        // Act
        var all = Suites.Expand("all");

        // Assert
        Assert.That(parts, Is.Unique);
        Assert.That(all, Is.EquivalentTo(parts));
        Assert.That(all, Has.Count.EqualTo(31));
        Assert.That(all, Has.Member("mawps").And.No.Member("mawps_addsub").And.No.Member("mawps_singleop"));
        Assert.That(BenchmarkRegistry.All.Keys.Except(all),
            Is.EquivalentTo(new[] { "mawps_addsub", "mawps_multiarith", "mawps_singleeq", "mawps_singleop" }));
    }

    [Test]
    public void Out_of_domain_suites_follow_the_language_of_their_benchmarks()
    {
        // Arrange / Act
        var enOod = Suites.Expand("en-ood").Select(BenchmarkRegistry.Get);
        var zhOod = Suites.Expand("zh-ood").Select(BenchmarkRegistry.Get);

        // Assert
        Assert.That(enOod.Select(s => s.Info.Language), Has.All.EqualTo(SIaM.Core.Benchmarks.Language.En));
        Assert.That(zhOod.Select(s => s.Info.Language), Has.All.EqualTo(SIaM.Core.Benchmarks.Language.Zh));
        Assert.That(Suites.Expand("en-ood"), Has.Member("mgsm_en").And.Member("gsm_hard"));
        Assert.That(Suites.Expand("zh-ood"), Is.EquivalentTo(new[]
            { "mgsm_zh", "gaokao2024_I", "gaokao2024_II", "gaokao2024_mix", "gaokao_math_cloze", "gaokao_math_qa", "cn_middle_school" }));
    }

    [Test]
    public void Ids_and_suites_mix_in_order_without_duplicates()
    {
        // Arrange / Act
        var ids = Suites.Expand(" svamp, en-id ,gsm8k,mawps_addsub ");

        // Assert
        Assert.That(ids, Is.EqualTo(new[] { "svamp", "gsm8k", "math500", "math", "mawps_addsub" }));
    }

    [Test]
    public void An_unknown_name_lists_the_valid_suites_and_ids()
    {
        // Arrange / Act
        var error = Assert.Throws<InputException>(() => Suites.Expand("gsm8k,en-od"))!;

        // Assert
        Assert.That(error.Message, Does.StartWith("unknown benchmark or suite 'en-od'. Did you mean 'en-id'?")
            .Or.StartWith("unknown benchmark or suite 'en-od'. Did you mean 'en-ood'?"));
        Assert.That(error.Message, Does.Contain("Valid suites: en-id, en-ood, zh-id, zh-ood, all."));
        Assert.That(error.Message, Does.Contain("ape210k"));
    }

    [Test]
    public void Each_spec_knows_its_suites()
    {
        // Arrange / Act
        var gsm8k = BenchmarkRegistry.Get("gsm8k");
        var addsub = BenchmarkRegistry.Get("mawps_addsub");

        // Assert
        Assert.That(gsm8k.Suites, Is.EqualTo(new[] { "en-id", "all" }));
        Assert.That(addsub.Suites, Is.Empty);
    }
}
