using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20191231Preview;

[Collection(FailingPipelineCollection.Name)]
public sealed class FailedInstallTests(FailingPipelineFactory factory) : Clusters.FailedInstallTests(factory, PreviewVersion.Instance);
