using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>The fuzz suite has a frontend on Kestrel of its own, and runs beside the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<KestrelFactory>
{
    public const string Name = "Fuzz";
}
