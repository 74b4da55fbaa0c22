var body = System.Text.Encoding.UTF8.GetBytes(
    "{\"id\":\"/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/bench/providers/RedHat.OpenShift/OpenShiftClusters/bench\",\"name\":\"bench\",\"type\":\"RedHat.OpenShift/OpenShiftClusters\",\"location\":\"eastus\",\"properties\":{\"provisioningState\":\"Succeeded\",\"networkProfile\":{\"vnetCidr\":\"10.0.0.0/16\",\"podCidr\":\"10.128.0.0/14\",\"serviceCidr\":\"172.30.0.0/16\"},\"masterProfile\":{\"vmSize\":\"Standard_D8s_v3\"},\"workerProfiles\":[{\"name\":\"worker\",\"vmSize\":\"Standard_D2s_v3\",\"diskSizeGB\":128,\"count\":3}],\"apiserverURL\":\"https://api.bench.eastus.example.openshift.local:6443/\"}}");
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(async context =>
{
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});
app.Run();
