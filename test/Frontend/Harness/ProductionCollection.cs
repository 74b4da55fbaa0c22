using Xunit;

namespace Rp.Frontend.Tests.Harness;

/// <summary>Tests of production mode share one frontend-only host.</summary>
[CollectionDefinition(Name)]
public sealed class ProductionCollection : ICollectionFixture<ProductionFactory>
{
    public const string Name = "Production";
}
