using Xunit;

namespace Rp.Frontend.Tests.Harness;

/// <summary>Tests on the frontend alone share one host; each test uses subscriptions of its own.</summary>
[CollectionDefinition(Name)]
public sealed class FrontendCollection : ICollectionFixture<FrontendFactory>
{
    public const string Name = "Frontend";
}
