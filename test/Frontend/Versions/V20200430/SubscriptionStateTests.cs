using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FrontendCollection.Name)]
public sealed class SubscriptionStateTests(FrontendFactory factory) : Clusters.SubscriptionStateTests(factory, V20200430Version.Instance);
