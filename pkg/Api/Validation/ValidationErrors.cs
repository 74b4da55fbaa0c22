namespace Rp.Api.Validation;

/// <summary>The errors static validation returns, each with the JSON path of the offending value as target.</summary>
internal static class ValidationErrors
{
    public static CloudError Invalid(string target, string message) => CloudError.InvalidParameter(target, message);

    public static CloudError Required(string target) => CloudError.InvalidParameter(target, $"The property '{target}' is required.");

    public static CloudError ReadOnly(string target) => CloudError.InvalidParameter(target, $"The property '{target}' is read-only and cannot be set.");

    public static CloudError ChangeNotAllowed(string target) =>
        CloudError.BadRequest(CloudErrorCodes.PropertyChangeNotAllowed, $"Changing the property '{target}' is not allowed.", target);
}
