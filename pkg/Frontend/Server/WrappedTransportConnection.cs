using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Rp.Frontend.Server;

/// <summary>
/// A connection whose transport, as every later connection middleware sees it, is wrapped: the raw
/// one, and the decrypted one that TLS (when the endpoint has it) sets for HTTP. Connection
/// middleware registered for every endpoint runs outside TLS, and cannot tell whether TLS follows;
/// this is how it reaches the plain-text HTTP bytes either way. Everything else is the connection's own.
/// </summary>
internal sealed class WrappedTransportConnection(ConnectionContext connection, Func<IDuplexPipe, IDuplexPipe> wrap) : ConnectionContext
{
    private IDuplexPipe? transport;

    public override IDuplexPipe Transport
    {
        get => transport ??= wrap(connection.Transport);
        set => transport = wrap(value);
    }

    public override string ConnectionId
    {
        get => connection.ConnectionId;
        set => connection.ConnectionId = value;
    }

    public override IFeatureCollection Features => connection.Features;

    public override IDictionary<object, object?> Items
    {
        get => connection.Items;
        set => connection.Items = value;
    }

    public override CancellationToken ConnectionClosed
    {
        get => connection.ConnectionClosed;
        set => connection.ConnectionClosed = value;
    }

    public override EndPoint? LocalEndPoint
    {
        get => connection.LocalEndPoint;
        set => connection.LocalEndPoint = value;
    }

    public override EndPoint? RemoteEndPoint
    {
        get => connection.RemoteEndPoint;
        set => connection.RemoteEndPoint = value;
    }

    public override void Abort(ConnectionAbortedException abortReason) => connection.Abort(abortReason);

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
