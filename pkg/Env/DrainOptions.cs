namespace Rp.Env;

/// <summary>How a process stops on SIGTERM or Ctrl-C (section <c>Drain</c>).</summary>
public sealed class DrainOptions
{
    public const string SectionName = "Drain";

    /// <summary>
    /// The longest an orderly stop takes, from the signal to the exit: the frontend's
    /// <see cref="Delay"/>, the forwarder's last batch and lease release, the backend's running
    /// phases and their hand-back all fit in it.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a process that serves ARM requests keeps answering after it reported not ready,
    /// so that load balancers stop sending it requests before it stops listening.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When running work is canceled: three quarters into the grace period, so that the
    /// hand-back (lease released, message visible again) still fits in it.
    /// </summary>
    public TimeSpan WorkDeadline => GracePeriod * 3 / 4;
}
