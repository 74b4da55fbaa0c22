using Xunit;

namespace Rp.Frontend.Tests.Harness;

/// <summary>Tests of failed installs share one host.</summary>
[CollectionDefinition(Name)]
public sealed class FailingPipelineCollection : ICollectionFixture<FailingPipelineFactory>
{
    public const string Name = "FailingPipeline";
}
