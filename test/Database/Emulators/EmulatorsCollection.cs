using Xunit;

namespace Rp.Database.Tests.Emulators;

/// <summary>The tests that share one pair of emulators; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorsCollection : ICollectionFixture<EmulatorsFixture>
{
    public const string Name = "Emulators";
}
