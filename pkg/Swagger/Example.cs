namespace Rp.Swagger;

/// <summary>An operation's example: its title in <c>x-ms-examples</c> and its file.</summary>
internal sealed record Example(string Title, SwaggerFile File);
