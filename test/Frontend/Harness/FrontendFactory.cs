namespace Rp.Frontend.Tests.Harness;

/// <summary>The frontend alone, in development mode: documents stay as the frontend wrote them.</summary>
public sealed class FrontendFactory() : RpFactory(fullPipeline: false);
