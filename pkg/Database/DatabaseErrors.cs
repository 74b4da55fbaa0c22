using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Data.Sqlite;

namespace Rp.Database;

/// <summary>Which failures of a store mean it is unavailable for now (a retry later may succeed), whatever store it is.</summary>
public static class DatabaseErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        CosmosException cosmos => cosmos.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.Gone or HttpStatusCode.GatewayTimeout or HttpStatusCode.BadGateway,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        HttpRequestException or TimeoutException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
