namespace Rp.Queue.StorageQueue;

/// <summary>The parts of a storage connection string that a SharedKey client needs.</summary>
internal sealed class StorageConnectionString
{
    private StorageConnectionString(string accountName, byte[] accountKey, Uri queueEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        QueueEndpoint = queueEndpoint;
    }

    public string AccountName { get; }

    public byte[] AccountKey { get; }

    public Uri QueueEndpoint { get; }

    /// <remarks>Error messages name the missing setting, never the connection string: it holds the key.</remarks>
    public static StorageConnectionString Parse(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new FormatException("A storage connection string is a list of Name=Value settings separated by ';'.");
            }

            settings[part[..separator].Trim()] = part[(separator + 1)..].Trim();
        }

        var accountName = Required(settings, "AccountName");
        byte[] accountKey;
        try
        {
            accountKey = Convert.FromBase64String(Required(settings, "AccountKey"));
        }
        catch (FormatException e)
        {
            throw new FormatException("The storage connection string's AccountKey is not base64.", e);
        }

        var queueEndpoint = settings.TryGetValue("QueueEndpoint", out var endpoint)
            ? new Uri(endpoint, UriKind.Absolute)
            : new Uri($"{settings.GetValueOrDefault("DefaultEndpointsProtocol", "https")}://{accountName}.queue.{settings.GetValueOrDefault("EndpointSuffix", "core.windows.net")}/");
        return new StorageConnectionString(accountName, accountKey, queueEndpoint);
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");
}
