using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests;

/// <summary>Runs once around every test of the assembly (its namespace is the root one) and deletes the scratch folder.</summary>
[SetUpFixture]
public sealed class ScratchCleanup
{
    [OneTimeTearDown]
    public void DeleteScratch() => Tokenizers.DeleteScratch();
}
