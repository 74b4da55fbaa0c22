using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20191231Preview;

[Collection(FrontendCollection.Name)]
public sealed class RedeployTests(FrontendFactory factory) : Clusters.RedeployTests(factory, PreviewVersion.Instance);
