using System.Globalization;
using CsCheck;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>
/// How long the fuzz suite runs and from which seed: <c>RP_FUZZ_SECONDS</c> (default 60, what
/// <c>hack/test.sh</c> runs) and <c>RP_FUZZ_SEED</c> (up to 16 hexadecimal digits; default a fixed
/// one, so that every run of the test suite sends the same requests). <c>hack/fuzz.sh</c> sets both.
/// </summary>
public sealed record FuzzBudget(TimeSpan Duration, string Seed)
{
    public const string SecondsVariable = "RP_FUZZ_SECONDS";
    public const string SeedVariable = "RP_FUZZ_SEED";
    public const string ReportVariable = "RP_FUZZ_REPORT";

    private const int DefaultSeconds = 60;
    private const string DefaultSeed = "20261201";

    public static FuzzBudget FromEnvironment()
    {
        var seconds = Environment.GetEnvironmentVariable(SecondsVariable) is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : DefaultSeconds;
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given ? given : DefaultSeed;
        return new FuzzBudget(TimeSpan.FromSeconds(seconds), seed);
    }

    /// <summary>The generator every case's own seed is drawn from.</summary>
    public PCG Master() => new(1, ulong.Parse(Seed, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
