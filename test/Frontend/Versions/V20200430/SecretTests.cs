using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FrontendCollection.Name)]
public sealed class SecretTests(FrontendFactory factory) : Clusters.SecretTests(factory, V20200430Version.Instance);
