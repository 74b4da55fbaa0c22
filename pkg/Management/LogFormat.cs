namespace Rp.Management;

public enum LogFormat
{
    /// <summary>One line of text per entry, scopes inline: for people (the development default).</summary>
    Text,

    /// <summary>One JSON object per line, scopes and trace ids as fields: for log pipelines (the production default).</summary>
    Json,
}
