namespace Rp.Env;

/// <summary>Names one running instance of a role: the host, the process and a fresh id, so a restarted process is a new owner.</summary>
public static class InstanceId
{
    public static string New() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
