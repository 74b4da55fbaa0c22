namespace Rp.Frontend;

/// <summary>
/// Endpoint metadata read by the middleware: who may call a route, which api-versions it takes,
/// what it does to a subscription, and whether its failures are answered as a preflight result
/// (200 <c>{"status":"Failed","error":{...}}</c>) rather than as an HTTP error.
/// </summary>
internal sealed record EndpointPolicy(ApiVersionRule ApiVersions, SubscriptionAccess Access, Caller Caller = Caller.Arm, bool FailuresAsPreflightResult = false);
