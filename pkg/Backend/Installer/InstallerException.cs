using Rp.Api;

namespace Rp.Backend.Installer;

/// <summary>A phase failed for a reason the cluster's owner should see, as a CloudError code and message.</summary>
public sealed class InstallerException : Exception
{
    public InstallerException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>A code from <see cref="CloudErrorCodes"/>, e.g. <see cref="CloudErrorCodes.DeploymentFailed"/>.</summary>
    public string Code { get; }

    public CloudErrorBody ToCloudErrorBody() => new(Code, Message);
}
