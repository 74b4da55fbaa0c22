using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FrontendCollection.Name)]
public sealed class HeaderTests(FrontendFactory factory) : Clusters.HeaderTests(factory, V20200430Version.Instance);
