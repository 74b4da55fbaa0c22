using Rp.Database.Tests.Emulators;

namespace Rp.Frontend.Tests.Harness;

/// <summary>The settings that put the RP's database on the Cosmos DB emulator, in a database of its own.</summary>
public static class EmulatorSettings
{
    public static Dictionary<string, string> Cosmos(EmulatorsFixture emulators, string databasePrefix) => new()
    {
        ["Database:Provider"] = "Cosmos",
        ["Cosmos:Endpoint"] = emulators.CosmosEndpoint,
        ["Cosmos:Key"] = emulators.CosmosKey,
        ["Cosmos:DatabaseName"] = databasePrefix + Guid.NewGuid().ToString("N"),
        ["Cosmos:CreateIfNotExists"] = "true",
        ["Cosmos:AcceptAnyServerCertificate"] = "true",
    };
}
