namespace Rp.Frontend;

/// <summary>Endpoint metadata read by the middleware: who may call a route, which api-versions it takes and what it does to a subscription.</summary>
internal sealed record EndpointPolicy(ApiVersionRule ApiVersions, SubscriptionAccess Access, Caller Caller = Caller.Arm);
