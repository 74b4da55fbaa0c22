using FluentAssertions;
using Rp.Queue.StorageQueue;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

public sealed class StorageConnectionStringTests
{
    private const string Key = "a2V5";

    public static TheoryData<string, string, string> Valid => new()
    {
        { "explicit queue endpoint", $"AccountName=devstoreaccount1;AccountKey={Key};QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;", "http://127.0.0.1:10001/devstoreaccount1" },
        { "public cloud by default", $"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Key}", "https://acct.queue.core.windows.net/" },
        { "sovereign cloud suffix", $"AccountName=acct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn", "https://acct.queue.core.chinacloudapi.cn/" },
        { "names in any case, spaces around", $" accountname = acct ; ACCOUNTKEY = {Key} ", "https://acct.queue.core.windows.net/" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_Valid_ReturnsAccountKeyAndQueueEndpoint(string name, string connectionString, string queueEndpoint)
    {
        var parsed = StorageConnectionString.Parse(connectionString);

        parsed.QueueEndpoint.Should().Be(new Uri(queueEndpoint), name);
        parsed.AccountKey.Should().Equal("key"u8.ToArray());
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "no account key", "AccountName=acct" },
        { "no account name", $"AccountKey={Key}" },
        { "key not base64", "AccountName=acct;AccountKey=not base64!" },
        { "setting without value separator", $"AccountName=acct;AccountKey={Key};oops" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_Invalid_ThrowsWithoutRevealingTheKey(string name, string connectionString)
    {
        var act = () => StorageConnectionString.Parse(connectionString);

        act.Should().Throw<FormatException>(name).Which.Message.Should().NotContain(Key);
    }
}
