using Rp.Frontend;
using Rp.Cmd;

var roles = RpRoles.Parse(args);
if (roles.Frontend)
{
    var builder = WebApplication.CreateBuilder(RpRoles.WithoutRole(args));
    builder.AddRp(roles, RpRoles.WithoutRole(args));
    var app = builder.Build();
    app.UseRpFrontend();
    app.MapRpFrontend();
    app.MapRpDocs();
    await app.RunAsync();
}
else
{
    var builder = Host.CreateApplicationBuilder(RpRoles.WithoutRole(args));
    builder.AddRp(roles, RpRoles.WithoutRole(args));
    await builder.Build().RunAsync();
}

/// <summary>The entry point; public so functional tests can host it.</summary>
public partial class Program;
