using NUnit.Framework;

namespace SIaM.Sandbox.Tests;

/// <summary>Disposes the shared pool once every test in the assembly has run.</summary>
[SetUpFixture]
public sealed class SharedPoolTeardown
{
    [OneTimeTearDown]
    public async Task Dispose_the_shared_pool() => await SharedPool.DisposeAsync();
}
