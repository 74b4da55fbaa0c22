namespace Rp.Api;

/// <summary>The installer's checkpoint: the phases already done, so a new worker resumes where a dead one stopped.</summary>
public sealed class InstallState : Extensible
{
    /// <summary>The async operation the completed phases belong to; a new operation starts from no phase.</summary>
    public string? OperationId { get; set; }

    public List<string> CompletedPhases { get; set; } = [];
}
