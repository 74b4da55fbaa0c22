using System.Security.Cryptography;
using Rp.Database.Tests.Emulators;

namespace Rp.EndToEnd.Tests;

/// <summary>The settings that put rp processes on the emulators: a database and a queue of their own, one encryption key.</summary>
public static class EmulatorSettings
{
    public static Dictionary<string, string> Create(EmulatorsFixture emulators)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        return new Dictionary<string, string>
        {
            ["Rp:Mode"] = "Development",
            ["Database:Provider"] = "Cosmos",
            ["Cosmos:Endpoint"] = emulators.CosmosEndpoint,
            ["Cosmos:Key"] = emulators.CosmosKey,
            ["Cosmos:DatabaseName"] = $"e2e{unique}",
            ["Cosmos:CreateIfNotExists"] = "true",
            ["Cosmos:AcceptAnyServerCertificate"] = "true",
            ["Queue:Provider"] = "StorageQueue",
            ["Queue:Name"] = $"e2e{unique}",
            ["StorageQueue:ConnectionString"] = emulators.StorageConnectionString,
            ["Encryption:Keys:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
    }
}
