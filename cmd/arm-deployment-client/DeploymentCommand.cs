using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// <c>arm-deployment-client --template-file FILE --resource-group RG --subscription SUB [--parameters ...]</c>,
/// shaped like <c>az deployment group create</c>: deploys a template or <c>.bicepparam</c> to the
/// RP, as ARM would. Exit code 0 only when every resource ended Succeeded.
/// </summary>
public static class DeploymentCommand
{
    public const string DefaultRpUrl = "http://localhost:8080";

    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var templateFile = new Option<FileInfo>("--template-file", "-f") { Description = "The template: ARM JSON, .bicep, or a .bicepparam (which names its template).", Required = true };
        var resourceGroup = new Option<string>("--resource-group", "-g") { Description = "The resource group to deploy to.", Required = true };
        var subscription = new Option<string>("--subscription") { Description = "The subscription id.", Required = true };
        var parameters = new Option<string[]>("--parameters", "-p")
        {
            Description = "Parameter values: NAME=VALUE or @FILE.json (ARM parameters file); may be repeated, later ones win.",
            AllowMultipleArgumentsPerToken = true,
        };
        var name = new Option<string?>("--name", "-n") { Description = "The deployment's name (default: the file's name)." };
        var location = new Option<string>("--location", "-l") { Description = "The resource group's location, for resourceGroup().location.", DefaultValueFactory = _ => "eastus" };
        var rpUrl = new Option<string>("--rp-url") { Description = "The RP's base URL.", DefaultValueFactory = _ => DefaultRpUrl };
        rpUrl.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out _))
            {
                r.AddError("--rp-url must be an absolute URL, such as " + DefaultRpUrl + ".");
            }
        });

        var command = new RootCommand("Deploys an ARM template or Bicep file to the RP as ARM's deployment engine would: evaluation by ARM's template engine (bicep snapshot), preflight, PUTs in dependsOn order, polling, outputs.")
        {
            templateFile, resourceGroup, subscription, parameters, name, location, rpUrl,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(templateFile)!;
            var scope = new DeploymentScope(
                result.GetValue(subscription)!,
                result.GetValue(resourceGroup)!,
                result.GetValue(location)!,
                result.GetValue(name) ?? Path.GetFileNameWithoutExtension(file.Name));
            var baseUrl = new Uri(result.GetValue(rpUrl)!.TrimEnd('/') + "/");
            var rp = new RpClient(baseUrl, Guid.NewGuid().ToString(), new RpClientOptions(), TimeProvider.System);
            try
            {
                var bicep = BicepCli.Locate();
                var input = await DeploymentInput.LoadAsync(bicep, file.FullName, result.GetValue(parameters) ?? [], cancellationToken).ConfigureAwait(false);
                var deployment = await new DeploymentRunner(bicep, rp, output, TimeProvider.System).RunAsync(input, scope, cancellationToken).ConfigureAwait(false);
                if (!deployment.Succeeded)
                {
                    await error.WriteLineAsync(new JObject { ["error"] = deployment.Error }.ToString(Formatting.Indented)).ConfigureAwait(false);
                    return 1;
                }

                await output.WriteLineAsync(new JObject { ["outputs"] = deployment.Outputs }.ToString(Formatting.Indented)).ConfigureAwait(false);
                return 0;
            }
            catch (DeploymentException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
            catch (Azure.RequestFailedException e)
            {
                await error.WriteLineAsync($"The RP at {baseUrl} could not be reached: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
