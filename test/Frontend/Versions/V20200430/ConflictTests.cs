using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FrontendCollection.Name)]
public sealed class ConflictTests(FrontendFactory factory) : Clusters.ConflictTests(factory, V20200430Version.Instance)
{
    [Theory]
    [InlineData("listAdminCredentials while Creating", "Creating")]
    [InlineData("listAdminCredentials while Updating", "Updating")]
    [InlineData("listAdminCredentials while Deleting", "Deleting")]
    public Task ListAdminCredentials_DuringOperation_Returns409AnotherOperationInProgress(string name, string state) =>
        ShouldConflictAsync(name, state, cluster => PostAsync(cluster, "listAdminCredentials"));
}
