using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FailingPipelineCollection.Name)]
public sealed class FailedInstallTests(FailingPipelineFactory factory) : Clusters.FailedInstallTests(factory, V20200430Version.Instance);
