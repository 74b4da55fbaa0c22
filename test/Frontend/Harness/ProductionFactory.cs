namespace Rp.Frontend.Tests.Harness;

/// <summary>The frontend alone, in production mode: subscriptions exist only once ARM has registered them.</summary>
public sealed class ProductionFactory() : RpFactory(
    fullPipeline: false,
    new Dictionary<string, string>
    {
        ["Rp:Mode"] = "Production",
        ["Encryption:Keys:0"] = NewEncryptionKey(),
    });
