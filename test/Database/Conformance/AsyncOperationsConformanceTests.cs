using FluentAssertions;
using Rp.Api;
using Xunit;

namespace Rp.Database.Tests.Conformance;

/// <summary>
/// What every implementation of <see cref="IAsyncOperations"/> must do. Expiry is enforced by the
/// store's own clock (a server's, for a distributed store), so it is tested per implementation.
/// </summary>
public abstract class AsyncOperationsConformanceTests : DatabaseConformanceTests
{
    private IAsyncOperations Operations => Database.AsyncOperations;

    [Fact]
    public async Task CreateAsync_NewDocument_ReadableWithETag()
    {
        var doc = TestDocuments.AsyncOperation();

        var created = await Operations.CreateAsync(doc);
        var read = await Operations.GetAsync(doc.Id);

        created.ETag.Should().NotBeNullOrEmpty();
        read.Should().BeEquivalentTo(created);
        read!.OpenShiftClusterKey.Should().Be(doc.OpenShiftClusterKey);
        read.AsyncOperation.StartTime.Should().Be(doc.AsyncOperation.StartTime);
        read.Ttl.Should().Be(doc.Ttl);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        (await Operations.GetAsync(Guid.NewGuid().ToString())).Should().BeNull();
    }

    [Fact]
    public async Task CreateAsync_ExistingId_ThrowsConflictAndKeepsOriginal()
    {
        var created = await Operations.CreateAsync(TestDocuments.AsyncOperation());
        var duplicate = TestDocuments.AsyncOperation();
        duplicate.Id = duplicate.PartitionKey = created.Id;

        var act = () => Operations.CreateAsync(duplicate);

        await act.Should().ThrowAsync<ConflictException>();
        (await Operations.GetAsync(created.Id)).Should().BeEquivalentTo(created);
    }

    [Fact]
    public async Task ReplaceAsync_FreshETag_StoresChangeWithNewETag()
    {
        var created = await Operations.CreateAsync(TestDocuments.AsyncOperation());
        created.AsyncOperation.Status = ProvisioningState.Failed;
        created.AsyncOperation.EndTime = created.AsyncOperation.StartTime.AddMinutes(3);
        created.AsyncOperation.Error = new CloudErrorBody(CloudErrorCodes.InternalServerError, "failed");

        var replaced = await Operations.ReplaceAsync(created);

        replaced.ETag.Should().NotBe(created.ETag);
        (await Operations.GetAsync(created.Id)).Should().BeEquivalentTo(replaced);
        replaced.AsyncOperation.Error!.Code.Should().Be(CloudErrorCodes.InternalServerError);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsPreconditionFailedAndKeepsNewer()
    {
        var created = await Operations.CreateAsync(TestDocuments.AsyncOperation());
        var newer = await Operations.ReplaceAsync(created);
        created.AsyncOperation.Status = ProvisioningState.Canceled;

        var act = () => Operations.ReplaceAsync(created);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        (await Operations.GetAsync(created.Id)).Should().BeEquivalentTo(newer);
    }

    [Fact]
    public async Task ReplaceAsync_UnknownFields_SurviveRoundTrips()
    {
        var doc = TestDocuments.AsyncOperation();
        doc.ExtensionData = TestDocuments.UnknownFields("top");
        doc.AsyncOperation.ExtensionData = TestDocuments.UnknownFields("nested");

        var created = await Operations.CreateAsync(doc);
        await Operations.ReplaceAsync(created);
        var read = await Operations.GetAsync(doc.Id);

        UnknownFieldsJson(read!.ExtensionData).Should().Be(TestDocuments.Json(doc.ExtensionData));
        TestDocuments.Json(read.AsyncOperation.ExtensionData).Should().Be(TestDocuments.Json(doc.AsyncOperation.ExtensionData));
    }
}
