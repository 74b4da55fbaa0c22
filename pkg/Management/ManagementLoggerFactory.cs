using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rp.Management;

/// <summary>
/// The process's loggers for the management listener's server, without its host's lifetime
/// lines ("Now listening on", "Application started"): those belong to the ARM listener, and
/// tools wait for them.
/// </summary>
internal sealed class ManagementLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private const string LifetimeCategory = "Microsoft.Hosting.Lifetime";

    public ILogger CreateLogger(string categoryName) =>
        categoryName == LifetimeCategory ? NullLogger.Instance : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The management listener logs through the process's providers.");

    // The process's host owns (and disposes) the inner factory.
    public void Dispose()
    {
    }
}
