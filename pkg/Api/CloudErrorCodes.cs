namespace Rp.Api;

/// <summary>The one list of error codes this RP returns.</summary>
public static class CloudErrorCodes
{
    public const string AnotherOperationInProgress = nameof(AnotherOperationInProgress);
    public const string Canceled = nameof(Canceled);
    public const string Conflict = nameof(Conflict);
    public const string DeploymentFailed = nameof(DeploymentFailed);
    public const string Forbidden = nameof(Forbidden);
    public const string InternalServerError = nameof(InternalServerError);
    public const string InvalidApiVersionParameter = nameof(InvalidApiVersionParameter);
    public const string InvalidParameter = nameof(InvalidParameter);
    public const string InvalidRequestContent = nameof(InvalidRequestContent);
    public const string InvalidResource = nameof(InvalidResource);
    public const string InvalidResourceName = nameof(InvalidResourceName);
    public const string InvalidResourceType = nameof(InvalidResourceType);
    public const string InvalidSubscriptionState = nameof(InvalidSubscriptionState);
    public const string MissingApiVersionParameter = nameof(MissingApiVersionParameter);
    public const string MultipleErrorsOccurred = nameof(MultipleErrorsOccurred);
    public const string NotFound = nameof(NotFound);
    public const string PreconditionFailed = nameof(PreconditionFailed);
    public const string PropertyChangeNotAllowed = nameof(PropertyChangeNotAllowed);
    public const string RequestEntityTooLarge = nameof(RequestEntityTooLarge);
    public const string RequestTimeout = nameof(RequestTimeout);
    public const string ResourceGroupNotFound = nameof(ResourceGroupNotFound);
    public const string ResourceNotFound = nameof(ResourceNotFound);
    public const string ResourceQuotaExceeded = nameof(ResourceQuotaExceeded);
    public const string Unauthorized = nameof(Unauthorized);
    public const string UnsupportedMediaType = nameof(UnsupportedMediaType);
}
