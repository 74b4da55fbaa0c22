namespace Rp.Frontend;

/// <summary>
/// Endpoint metadata read by the middleware: which api-versions a route takes, what it does to a
/// subscription, and whether its failures are answered as a preflight result (200
/// <c>{"status":"Failed","error":{...}}</c>) rather than as an HTTP error.
/// </summary>
internal sealed record EndpointPolicy(ApiVersionRule ApiVersions, SubscriptionAccess Access, bool FailuresAsPreflightResult = false);
