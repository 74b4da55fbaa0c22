using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Rp.Database.Tests;
using Rp.Queue.Tests.Conformance;
using Xunit;

namespace Rp.Queue.Tests.Sqlite;

public sealed class SqliteWorkQueueTests : WorkQueueConformanceTests, IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly ManualTimeProvider clock = new();

    [Fact]
    public async Task GetAsync_Message_IsNextVisibleAfterTheTimeoutOnTheClock()
    {
        await Queue.PutAsync("timed");

        var message = await Queue.GetAsync(TimeSpan.FromSeconds(30));

        message!.NextVisibleOn.Should().Be(clock.GetUtcNow() + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GetAsync_JustBeforeTheTimeout_StillInvisible()
    {
        await Queue.PutAsync("almost");
        await Queue.GetAsync(TimeSpan.FromSeconds(30));

        clock.Advance(TimeSpan.FromSeconds(29.999));

        (await Queue.GetAsync(LongVisibility)).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_SeveralDue_OldestFirst()
    {
        await Queue.PutAsync("first");
        clock.Advance(TimeSpan.FromSeconds(1));
        await Queue.PutAsync("second");

        var bodies = new[] { (await Queue.GetAsync(LongVisibility))!.Body, (await Queue.GetAsync(LongVisibility))!.Body };

        bodies.Should().Equal("first", "second");
    }

    [Fact]
    public async Task GetAsync_OtherQueueNameInSameFile_SeesNoneOfTheMessages()
    {
        await Queue.PutAsync("mine");
        await using var other = new SqliteWorkQueueUnderTest(directory.Path, clock, "other");

        (await other.Queue.GetAsync(LongVisibility)).Should().BeNull();
        (await Queue.GetAsync(LongVisibility))!.Body.Should().Be("mine");
    }

    [Fact]
    public async Task GetAsync_ConsumersInTwoInstancesOnOneFile_DeliverEachMessageExactlyOnce()
    {
        await using var otherProcess = new SqliteWorkQueueUnderTest(directory.Path, clock);
        var bodies = Enumerable.Range(0, 60).Select(i => $"message-{i}").ToList();
        await Task.WhenAll(
            Task.Run(async () => { foreach (var b in bodies.Take(30)) { await Queue.PutAsync(b); } }),
            Task.Run(async () => { foreach (var b in bodies.Skip(30)) { await otherProcess.Queue.PutAsync(b); } }));

        var delivered = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var queue = i % 2 == 0 ? Queue : otherProcess.Queue;
            while (await queue.GetAsync(LongVisibility) is { } message)
            {
                delivered.Add(message.Body);
                await queue.DeleteAsync(message.MessageId, message.PopReceipt);
            }
        })));

        delivered.Should().BeEquivalentTo(bodies);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_CalledAgain_KeepsMessages()
    {
        await Queue.PutAsync("kept");

        await Queue.CreateIfNotExistsAsync();
        await using var reopened = new SqliteWorkQueueUnderTest(directory.Path, clock);
        await reopened.Queue.CreateIfNotExistsAsync();

        (await reopened.Queue.GetAsync(LongVisibility))!.Body.Should().Be("kept");
    }

    [Fact]
    public async Task GetStatusAsync_FileMadeBeforeInsertionTimes_AddsTheColumnAndKeepsOldMessages()
    {
        using var old = new TempDirectory();
        var put = DateTimeOffset.FromUnixTimeMilliseconds((clock.GetUtcNow() - TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds());
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(old.Path, "queue.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE Messages (sequence INTEGER PRIMARY KEY, queue TEXT NOT NULL, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL,
                    visibleOn INTEGER NOT NULL, dequeueCount INTEGER NOT NULL, popReceipt TEXT);
                INSERT INTO Messages (queue, id, body, visibleOn, dequeueCount) VALUES ('openshiftclusters', 'm1', 'from before', {put.ToUnixTimeMilliseconds()}, 0);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var upgraded = new SqliteWorkQueueUnderTest(old.Path, clock);
        await upgraded.Queue.PutAsync("after");
        var status = await upgraded.Queue.GetStatusAsync(maxDequeueCount: 5);

        status.Should().Be(new QueueStatus(2, put, 0, 2), "a message put before the upgrade counts from when it became visible");
        (await upgraded.Queue.GetAsync(LongVisibility))!.Body.Should().Be("from before");
    }

    public void Dispose() => directory.Dispose();

    protected override async Task<IWorkQueueUnderTest> CreateQueueAsync()
    {
        var underTest = new SqliteWorkQueueUnderTest(directory.Path, clock);
        await underTest.Queue.CreateIfNotExistsAsync();
        return underTest;
    }

    protected override Task WaitForVisibilityTimeoutAsync(TimeSpan visibilityTimeout)
    {
        clock.Advance(visibilityTimeout);
        return Task.CompletedTask;
    }
}
