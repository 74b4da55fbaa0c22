using Xunit;

namespace Rp.Frontend.Tests.Harness;

/// <summary>Tests of the whole pipeline share one host; each test uses subscriptions of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFactory>
{
    public const string Name = "Pipeline";
}
