using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace Rp.EndToEnd.Tests.Faults;

/// <summary>
/// Every async-operation document a store holds, read behind the RP's back (the embedded file, or
/// the Cosmos DB container's change feed from its beginning): its status resource's path and status.
/// </summary>
public static class StoredOperations
{
    public static async Task<IReadOnlyList<(string Path, string Status)>> InSqliteAsync(string dataDir)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "rp.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM AsyncOperations";
        await using var reader = await command.ExecuteReaderAsync();
        var operations = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            operations.Add(Read(JObject.Parse(reader.GetString(0))));
        }

        return operations;
    }

    public static async Task<IReadOnlyList<(string Path, string Status)>> InCosmosAsync(string endpoint, string key, string databaseName)
    {
        using var client = new CosmosClient(endpoint, key, new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            HttpClientFactory = static () => new HttpClient(new SocketsHttpHandler
            {
                SslOptions = new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
            }),
        });
        var feed = client.GetContainer(databaseName, "AsyncOperations").GetChangeFeedStreamIterator(ChangeFeedStartFrom.Beginning(), ChangeFeedMode.LatestVersion);
        var operations = new List<(string, string)>();
        while (feed.HasMoreResults)
        {
            using var page = await feed.ReadNextAsync();
            if (page.StatusCode == HttpStatusCode.NotModified)
            {
                break;
            }

            page.EnsureSuccessStatusCode();
            using var reader = new StreamReader(page.Content);
            operations.AddRange(((JArray)JObject.Parse(await reader.ReadToEndAsync())["Documents"]!).Select(d => Read((JObject)d)));
        }

        return operations;
    }

    private static (string Path, string Status) Read(JObject document) =>
        ((string)document["asyncOperation"]!["id"]!, (string)document["asyncOperation"]!["status"]!);
}
