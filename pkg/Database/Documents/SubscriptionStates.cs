namespace Rp.Database.Documents;

public static class SubscriptionStates
{
    public const string Registered = nameof(Registered);
    public const string Warned = nameof(Warned);
    public const string Suspended = nameof(Suspended);
    public const string Deleted = nameof(Deleted);
    public const string Unregistered = nameof(Unregistered);
}
