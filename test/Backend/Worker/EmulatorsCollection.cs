using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Backend.Tests.Worker;

/// <summary>The backend tests on the distributed queue share one pair of emulators (xunit wants the definition in this assembly).</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorsCollection : ICollectionFixture<EmulatorsFixture>
{
    public const string Name = "Emulators";
}
