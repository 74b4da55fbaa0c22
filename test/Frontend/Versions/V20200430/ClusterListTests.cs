using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FrontendCollection.Name)]
public sealed class ClusterListTests(FrontendFactory factory) : Clusters.ClusterListTests(factory, V20200430Version.Instance);
