using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Rp.Frontend.Server;

/// <summary>
/// Kestrel answers some requests itself, before any middleware runs: a request line over the
/// limit (414), headers over the limit (431), a request it cannot parse (400: a NUL in the path,
/// header bytes that are not UTF-8, ...), a request too slow to arrive (408). It writes those
/// without a body and offers no hook to change them, so this connection middleware gives them the
/// CloudError body every answer of the RP has, on http and https endpoints alike.
/// </summary>
internal static class ServerErrorResponses
{
    public static void UseCloudErrorBodies(this ListenOptions listen, FrontendOptions options)
    {
        var bodies = new ServerErrorBodies(options);
        listen.Use(next => connection =>
        {
            var requests = new ConnectionRequests();
            connection.Features.Set(requests);

            // Under TLS the raw transport is wrapped too: it carries only TLS records, which pass unchanged.
            IDuplexPipe Wrap(IDuplexPipe pipe) =>
                pipe.Output is ServerErrorPipeWriter ? pipe : new DuplexPipe(pipe.Input, new ServerErrorPipeWriter(pipe.Output, requests, bodies));
            return next(new WrappedTransportConnection(connection, Wrap));
        });
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
