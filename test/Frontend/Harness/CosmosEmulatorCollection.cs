using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Frontend.Tests.Harness;

/// <summary>The tests that run on the Cosmos DB emulator share one pair of emulators.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosEmulatorCollection : ICollectionFixture<EmulatorsFixture>
{
    public const string Name = "CosmosEmulator";
}
