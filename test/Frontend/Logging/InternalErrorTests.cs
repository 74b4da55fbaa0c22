using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Logging;

/// <summary>An unexpected failure becomes a 500 CloudError that shows nothing of the exception; the exception goes to the log.</summary>
public sealed class InternalErrorTests(FailingStoreFactory factory) : IClassFixture<FailingStoreFactory>, IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    public static TheoryData<string, string> Requests => new()
    {
        { "GET", "" },
        { "PUT", "" },
        { "DELETE", "" },
        { "POST", "/listCredentials" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_StoreFails_Answers500WithoutTheExceptionText(string method, string action)
    {
        var cluster = ClusterRef.New();
        var version = V20200430Version.Instance;
        var url = cluster.Url(version.Name, action);

        var response = method switch
        {
            "GET" => await arm.GetAsync(url),
            "PUT" => await arm.PutAsync(url, version.CreateBody()),
            "DELETE" => await arm.DeleteAsync(url),
            _ => await arm.PostAsync(url),
        };

        response.ShouldBeCloudError(HttpStatusCode.InternalServerError, "InternalServerError");
        response.Header("Retry-After").Should().NotBeNull("ARM retries a 500, after Retry-After");
        response.Text.Should().NotContain("AccountKey").And.NotContain("Rp.Internal").And.NotContain("InvalidOperationException");
        factory.Log.Lines.Should().Contain(l => l.Exception != null && l.Exception.Contains(FailingStoreFactory.ExceptionText, StringComparison.Ordinal), "the failure itself is logged for the operator");
    }

    public void Dispose() => arm.Dispose();
}
