namespace Rp.Frontend.Tests.Harness;

/// <summary>The frontend alone with settings of its own (a database, say).</summary>
public sealed class ConfiguredFrontendFactory(IReadOnlyDictionary<string, string> settings) : RpFactory(fullPipeline: false, settings)
{
    /// <summary>The settings given, for a second client of the same store.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = settings;
}
