namespace Rp.Env;

public enum RpMode
{
    /// <summary>One machine, no cloud: unknown subscriptions register on first use, a local encryption key is generated.</summary>
    Development,

    /// <summary>Subscriptions must be registered by ARM; keys and endpoints must be configured.</summary>
    Production,
}
