namespace Rp.Api.Validation;

/// <summary>
/// The VM sizes a cluster may use (matched case-insensitively, stored in their canonical spelling)
/// and the vCPUs of each, which the quotas count.
/// </summary>
public static class VmSizes
{
    /// <summary>Every master and worker node is one VM; a cluster always has this many masters.</summary>
    public const int MasterCount = 3;

    public static readonly IReadOnlyList<string> Master =
    [
        "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3",
        "Standard_E8s_v3", "Standard_E16s_v3", "Standard_E32s_v3",
    ];

    public static readonly IReadOnlyList<string> Worker =
    [
        "Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3",
        "Standard_E4s_v3", "Standard_E8s_v3", "Standard_E16s_v3", "Standard_E32s_v3",
    ];

    // Azure's published vCPU counts; a test checks that every size above has one.
    private static readonly Dictionary<string, int> VCpuCounts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Standard_D2s_v3"] = 2,
        ["Standard_D4s_v3"] = 4,
        ["Standard_D8s_v3"] = 8,
        ["Standard_D16s_v3"] = 16,
        ["Standard_D32s_v3"] = 32,
        ["Standard_E4s_v3"] = 4,
        ["Standard_E8s_v3"] = 8,
        ["Standard_E16s_v3"] = 16,
        ["Standard_E32s_v3"] = 32,
    };

    public static void ValidateMaster(string? value, string target) => Validate(Master, value, target, "master");

    public static void ValidateWorker(string? value, string target) => Validate(Worker, value, target, "worker");

    /// <summary>The list's spelling of <paramref name="value"/> (the value itself when the list has none).</summary>
    public static string? Canonical(string? value) =>
        Master.Concat(Worker).FirstOrDefault(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase)) ?? value;

    /// <summary>The vCPUs of one VM of this size; null for a size no validator accepts.</summary>
    public static int? VCpus(string? size) => size is not null && VCpuCounts.TryGetValue(size, out var count) ? count : null;

    private static void Validate(IReadOnlyList<string> allowed, string? value, string target, string role)
    {
        if (value is null)
        {
            throw ValidationErrors.Required(target);
        }

        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            throw ValidationErrors.Invalid(target, $"The provided {role} VM size '{value}' is not supported; supported sizes: {string.Join(", ", allowed)}.");
        }
    }
}
