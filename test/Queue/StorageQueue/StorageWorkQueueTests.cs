using System.Diagnostics;
using Azure;
using FluentAssertions;
using Rp.Database.Tests.Emulators;
using Rp.Queue.StorageQueue;
using Rp.Queue.Tests.Conformance;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

[Collection(EmulatorsCollection.Name)]
public sealed class StorageWorkQueueTests(EmulatorsFixture emulators) : WorkQueueConformanceTests
{
    [Fact]
    public async Task CreateIfNotExistsAsync_ExistingQueue_Succeeds()
    {
        var create = () => Queue.CreateIfNotExistsAsync();

        await create.Should().NotThrowAsync();
    }

    [Fact]
    public async Task GetAsync_BodyWithMarkupAndNonAscii_ReturnsItUnchangedWithServiceVisibilityTime()
    {
        const string body = "{\"documentId\":\"d\",\"partitionKey\":\"p\",\"note\":\"ünïcødé <&>\"}";
        await Queue.PutAsync(body);

        var message = await Queue.GetAsync(TimeSpan.FromSeconds(30));

        message!.Body.Should().Be(body);
        message.NextVisibleOn.Should().BeAfter(DateTimeOffset.UtcNow.AddSeconds(20));
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_WrongAccountKey_ThrowsWithServiceErrorCode()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connectionString = string.Join(';', emulators.StorageConnectionString.Split(';').Select(p => p.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + wrongKey : p));
        var unauthorized = new StorageWorkQueue(connectionString, StorageWorkQueueUnderTest.NewQueueName());

        var act = () => unauthorized.CreateIfNotExistsAsync();

        var thrown = await act.Should().ThrowAsync<RequestFailedException>();
        thrown.Which.Status.Should().Be(403);
        thrown.Which.ErrorCode.Should().Be("AuthenticationFailed");
    }

    [Fact]
    public async Task GetAsync_QueueMissing_ThrowsWithServiceErrorCode()
    {
        var missing = new StorageWorkQueue(emulators.StorageConnectionString, StorageWorkQueueUnderTest.NewQueueName());

        var act = () => missing.GetAsync(TimeSpan.FromSeconds(30));

        var thrown = await act.Should().ThrowAsync<RequestFailedException>();
        thrown.Which.Status.Should().Be(404);
        thrown.Which.ErrorCode.Should().Be("QueueNotFound");
    }

    protected override async Task<IWorkQueueUnderTest> CreateQueueAsync() =>
        await StorageWorkQueueUnderTest.CreateAsync(emulators.StorageConnectionString);

    /// <summary>The service keeps its own clock: the timeout has to pass in real time, measured on a monotonic clock.</summary>
    protected override async Task WaitForVisibilityTimeoutAsync(TimeSpan visibilityTimeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < visibilityTimeout)
        {
            await Task.Delay(visibilityTimeout - elapsed.Elapsed + TimeSpan.FromMilliseconds(1));
        }
    }
}
