using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FrontendCollection.Name)]
public sealed class ConcurrencyTests(FrontendFactory factory) : Clusters.ConcurrencyTests(factory, V20200430Version.Instance);
