namespace Rp.Deploy;

/// <summary>One generated file: its path relative to the repository's <c>deploy/</c> and its content.</summary>
public sealed record DeployFile(string Path, string Content);
