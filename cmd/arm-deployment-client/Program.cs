using Rp.ArmDeploymentClient;

return await DeploymentCommand.Create(Console.Out, Console.Error).Parse(args).InvokeAsync().ConfigureAwait(false);
