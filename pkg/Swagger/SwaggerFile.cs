namespace Rp.Swagger;

/// <summary>One generated file: its path under <c>swagger/</c> (with <c>/</c> separators) and its text.</summary>
public sealed record SwaggerFile(string Path, string Content);
