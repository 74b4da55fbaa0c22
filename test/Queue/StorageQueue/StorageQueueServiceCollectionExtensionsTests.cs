using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Rp.Database.Tests.Emulators;
using Rp.Queue.StorageQueue;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

[Collection(EmulatorsCollection.Name)]
public sealed class StorageQueueServiceCollectionExtensionsTests(EmulatorsFixture emulators)
{
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

    [Fact]
    public async Task AddRpStorageQueue_NothingConfigured_FailsNamingTheSettings()
    {
        await using var provider = new ServiceCollection().AddRpStorageQueue().BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IWorkQueue>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*StorageQueue:ConnectionString*StorageQueue:QueueServiceUri*");
    }
}
