namespace Rp.Env;

/// <summary>Process-wide settings (section <c>Rp</c>).</summary>
public sealed class RpOptions
{
    public const string SectionName = "Rp";

    public RpMode Mode { get; set; } = RpMode.Development;

    /// <summary>Where the embedded stores keep their files.</summary>
    public string DataDir { get; set; } = "data";
}
