using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// The test server has no TLS: this hands every request the client certificate a TLS handshake
/// would have, ahead of the RP's own middleware. (Real handshakes are tested on Kestrel.)
/// </summary>
internal sealed class ClientCertificateStartupFilter(X509Certificate2 certificate) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.ClientCertificate = certificate;
            return nextMiddleware(context);
        });
        next(app);
    };
}
