using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Rp.Api;
using Rp.Frontend.Json;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Reads a request body once, for every route: JSON only (415), bounded (413), well-formed (400).
/// The parsed body is handed to the handler; the raw text is never logged.
/// </summary>
internal sealed class BodyMiddleware(RequestDelegate next, IOptions<FrontendOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody || context.GetEndpoint()?.Metadata.GetMetadata<EndpointPolicy>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!IsJson(request.ContentType))
        {
            throw new CloudError(415, CloudErrorCodes.UnsupportedMediaType, $"The content media type '{request.ContentType}' is not supported. Only 'application/json' is supported.");
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        await CopyBoundedAsync(request.Body, buffer, limit, context.RequestAborted).ConfigureAwait(false);
        try
        {
            context.SetBody(ArmJson.Parse(new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length)));
        }
        catch (JsonException e)
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, $"The request content was invalid and could not be deserialized: '{e.Message}'");
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static async Task CopyBoundedAsync(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw TooLarge(limit);
            }

            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    private static CloudError TooLarge(long limit) =>
        new(413, CloudErrorCodes.RequestEntityTooLarge, $"The request body is larger than the limit of {limit} bytes.");
}
