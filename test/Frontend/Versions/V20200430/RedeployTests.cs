using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FrontendCollection.Name)]
public sealed class RedeployTests(FrontendFactory factory) : Clusters.RedeployTests(factory, V20200430Version.Instance);
