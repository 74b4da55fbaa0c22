using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Rp.Database.Tests.Emulators;
using Rp.Queue.StorageQueue;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

[Collection(EmulatorsCollection.Name)]
public sealed class StorageQueueServiceCollectionExtensionsTests(EmulatorsFixture emulators)
{
    private const string SecretMarker = "s3cr3t";

    // base64 of "s3cr3t-key"
    private const string SecretKey = "czNjcjN0LWtleQ==";

    [Fact]
    public async Task AddRpStorageQueue_ConnectionString_ResolvesWorkingQueueOfTheConfiguredName()
    {
        var queueName = "di" + Guid.NewGuid().ToString("N");
        await using var provider = new ServiceCollection()
            .Configure<StorageQueueOptions>(o => o.ConnectionString = emulators.StorageConnectionString)
            .Configure<QueueOptions>(o => o.Name = queueName)
            .AddRpStorageQueue()
            .BuildServiceProvider();
        var queue = provider.GetRequiredService<IWorkQueue>();
        await queue.CreateIfNotExistsAsync();
        await queue.PutAsync("work");

        var sameQueue = new StorageWorkQueue(emulators.StorageConnectionString, queueName);

        queue.Should().BeOfType<StorageWorkQueue>();
        (await sameQueue.GetAsync(TimeSpan.FromSeconds(30)))!.Body.Should().Be("work");
    }

    public static TheoryData<string, string> InvalidConnectionStrings => new()
    {
        { "no account key", "AccountName=acct;QueueEndpoint=http://127.0.0.1:1/acct" },
        { "key not base64", $"AccountName=acct;AccountKey=not base64 {SecretMarker}!;QueueEndpoint=http://127.0.0.1:1/acct" },
        { "setting without value separator", $"AccountName=acct;AccountKey={SecretKey};oops" },
        { "no queue endpoint", $"AccountKey={SecretKey}" },
    };

    [Theory]
    [MemberData(nameof(InvalidConnectionStrings))]
    public async Task AddRpStorageQueue_InvalidConnectionString_FailsWithoutRevealingTheKey(string name, string connectionString)
    {
        await using var provider = new ServiceCollection()
            .Configure<StorageQueueOptions>(o => o.ConnectionString = connectionString)
            .AddRpStorageQueue()
            .BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IWorkQueue>();

        var thrown = resolve.Should().Throw<FormatException>(name).Which;
        thrown.ToString().Should().NotContain(SecretMarker, name).And.NotContain(SecretKey, name);
    }

    [Fact]
    public async Task AddRpStorageQueue_NothingConfigured_FailsNamingTheSettings()
    {
        await using var provider = new ServiceCollection().AddRpStorageQueue().BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IWorkQueue>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*StorageQueue:ConnectionString*StorageQueue:QueueServiceUri*");
    }
}
