namespace Rp.Frontend;

/// <summary>Endpoint metadata read by the middleware: which api-versions a route takes and what it does to a subscription.</summary>
internal sealed record EndpointPolicy(ApiVersionRule ApiVersions, SubscriptionAccess Access);
