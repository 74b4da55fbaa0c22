using Xunit;

namespace Rp.Frontend.Tests.Harness;

/// <summary>Tests that need real HTTP share one frontend on Kestrel.</summary>
[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelFactory>
{
    public const string Name = "Kestrel";
}
