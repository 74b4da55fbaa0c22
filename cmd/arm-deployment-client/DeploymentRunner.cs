using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// What ARM's deployment engine does with a template, against one RP: evaluate it, ask the RP's
/// preflight, PUT the resources in dependsOn order (independent ones at once) and follow each
/// to a terminal state, then evaluate the outputs from the deployed resources.
/// </summary>
public sealed class DeploymentRunner(BicepCli bicep, RpClient rp, TextWriter output, TimeProvider time)
{
    public const string ResourceType = "RedHat.OpenShift/openShiftClusters";

    private static readonly string[] TerminalStates = ["Succeeded", "Failed", "Canceled"];

    private readonly Lock gate = new();
    private readonly TemplateEngine engine = new(bicep);

    public async Task<DeploymentResult> RunAsync(DeploymentInput input, DeploymentScope scope, CancellationToken cancellationToken = default)
    {
        var snapshot = await engine.SnapshotAsync(DeploymentPlan.WithCarriers(input.Template), input.Parameters, scope, cancellationToken).ConfigureAwait(false);
        var resources = DeploymentPlan.FromSnapshot(input.Template, (JArray?)snapshot["predictedResources"] ?? []);
        foreach (var resource in resources)
        {
            if (!string.Equals(resource.Type, ResourceType, StringComparison.OrdinalIgnoreCase))
            {
                throw new DeploymentException($"{resource.DisplayName}: this command deploys {ResourceType} resources only, to the RP.");
            }

            SecureParameters.Fill(resource.Resource, input.Template, input.Parameters);
        }

        Print($"Deployment '{scope.DeploymentName}': {resources.Count} resource(s) evaluated by the template engine");
        var preflight = await rp.PreflightAsync(scope, new JArray(resources.Select(r => r.Resource)), cancellationToken).ConfigureAwait(false);
        if (preflight.Status != 200 || (string?)preflight.Body?["status"] != "Succeeded")
        {
            var error = preflight.Status == 200 ? preflight.Body?["error"] as JObject ?? preflight.Error() : preflight.Error();
            Print($"Preflight: Failed: {Describe(error)}");
            return new DeploymentResult(false, error, []);
        }

        Print("Preflight: Succeeded");
        var failures = new List<JObject>();
        var tasks = new Dictionary<PlannedResource, Task<bool>>();
        foreach (var resource in resources)
        {
            _ = Schedule(resource);
        }

        await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            Print($"Deployment '{scope.DeploymentName}': Failed");
            return new DeploymentResult(false, failures[0], []);
        }

        var outputs = await OutputsAsync(input.Template, (JObject?)snapshot["outputs"] ?? [], scope, cancellationToken).ConfigureAwait(false);
        Print($"Deployment '{scope.DeploymentName}': Succeeded");
        return new DeploymentResult(true, null, outputs);

        Task<bool> Schedule(PlannedResource resource)
        {
            if (!tasks.TryGetValue(resource, out var task))
            {
                var dependencies = resource.DependsOn.Select(Schedule).ToList();
                task = RunAfterAsync(resource, dependencies, failures, scope, cancellationToken);
                tasks[resource] = task;
            }

            return task;
        }
    }

    private async Task<bool> RunAfterAsync(PlannedResource resource, List<Task<bool>> dependencies, List<JObject> failures, DeploymentScope scope, CancellationToken cancellationToken)
    {
        if (!(await Task.WhenAll(dependencies).ConfigureAwait(false)).All(d => d))
        {
            Print($"{resource.DisplayName}: not started, a resource it depends on failed");
            return false;
        }

        var error = await DeployAsync(resource, scope, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            return true;
        }

        lock (gate)
        {
            // The deployment fails with the error of the first resource that failed.
            failures.Add(error);
        }

        return false;
    }

    /// <summary>PUT and follow to a terminal state; null when Succeeded, else the resource's error.</summary>
    private async Task<JObject?> DeployAsync(PlannedResource resource, DeploymentScope scope, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var body = resource.Body();
        if (ReferenceEvaluator.NeedsEvaluation(body))
        {
            var evaluated = await new ReferenceEvaluator(engine).EvaluateAsync(
                new Dictionary<string, (string, JToken)> { ["body"] = ("object", body) }, ReadAsync, scope, cancellationToken).ConfigureAwait(false);
            body = (JObject)evaluated["body"]!;
        }

        var put = await rp.PutAsync(resource.Id, resource.ApiVersion, body, cancellationToken).ConfigureAwait(false);
        if (put.Status is not (200 or 201 or 202))
        {
            return Failed(resource, put.Error());
        }

        var state = (string?)put.Body?["properties"]?["provisioningState"];
        Print($"{resource.DisplayName}: PUT {put.Status}{(state is null ? "" : $", {state}")}");
        JObject? error = null;
        if (put.AsyncOperation is not null || put.Location is not null)
        {
            (state, error) = await PollAsync(resource, new Uri(put.AsyncOperation ?? put.Location!), put.AsyncOperation is not null, state, put.RetryAfter, cancellationToken).ConfigureAwait(false);
        }
        else if (!TerminalStates.Contains(state))
        {
            (state, error) = await PollAsync(resource, null, false, state, put.RetryAfter, cancellationToken).ConfigureAwait(false);
        }

        if (state != "Succeeded")
        {
            return Failed(resource, error ?? new JObject { ["code"] = state ?? "Unknown", ["message"] = $"The resource ended {state}." });
        }

        Print($"{resource.DisplayName}: Succeeded ({started.Elapsed.TotalSeconds:0.0} s)");
        return null;
    }

    /// <summary>Polls the operation status (or the resource itself) until terminal, waiting as long as each answer's Retry-After says.</summary>
    private async Task<(string? State, JObject? Error)> PollAsync(PlannedResource resource, Uri? url, bool isStatus, string? last, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(retryAfter ?? rp.DefaultPollInterval, time, cancellationToken).ConfigureAwait(false);
            var poll = url is null ? await rp.GetAsync(resource.Id, resource.ApiVersion, cancellationToken).ConfigureAwait(false) : await rp.GetAsync(url, cancellationToken).ConfigureAwait(false);
            retryAfter = poll.RetryAfter;
            if (poll.Status >= 400)
            {
                return ("Failed", poll.Error());
            }

            if (url is not null && !isStatus)
            {
                // A Location URL: 202 while it runs, then the resource.
                if (poll.Status == 202)
                {
                    continue;
                }

                return ("Succeeded", null);
            }

            var state = isStatus ? (string?)poll.Body?["status"] : (string?)poll.Body?["properties"]?["provisioningState"];
            if (TerminalStates.Contains(state))
            {
                return (state, poll.Body?["error"] as JObject);
            }

            if (state != last)
            {
                Print($"{resource.DisplayName}: {state}");
                last = state;
            }
        }
    }

    private async Task<JObject> OutputsAsync(JObject template, JObject predicted, DeploymentScope scope, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<string, (string Type, JToken Value)>();
        var outputs = new JObject();
        foreach (var property in predicted.Properties())
        {
            if (ReferenceEvaluator.NeedsEvaluation(property.Value))
            {
                var type = (string?)template["outputs"]?[property.Name]?["type"] ?? "object";
                pending[property.Name] = (type, property.Value);
            }
            else
            {
                outputs[property.Name] = property.Value;
            }
        }

        if (pending.Count > 0)
        {
            foreach (var evaluated in (await new ReferenceEvaluator(engine).EvaluateAsync(pending, ReadAsync, scope, cancellationToken).ConfigureAwait(false)).Properties())
            {
                outputs[evaluated.Name] = evaluated.Value;
            }
        }

        // In the order the template declares them, as ARM lists them.
        var declared = ((JObject?)template["outputs"])?.Properties().Select(p => p.Name).ToList() ?? [];
        return new JObject(outputs.Properties().OrderBy(p => declared.FindIndex(d => string.Equals(d, p.Name, StringComparison.OrdinalIgnoreCase))));
    }

    private async Task<JObject> ReadAsync(string id, string apiVersion, CancellationToken cancellationToken)
    {
        var response = await rp.GetAsync(id, apiVersion, cancellationToken).ConfigureAwait(false);
        return response.Status == 200 && response.Body is { } body
            ? body
            : throw new DeploymentException($"reference('{id}', '{apiVersion}'): GET answered {response.Status}: {Describe(response.Error())}");
    }

    private JObject Failed(PlannedResource resource, JObject error)
    {
        Print($"{resource.DisplayName}: Failed: {Describe(error)}");
        return error;
    }

    private static string Describe(JObject error)
    {
        var text = $"{(string?)error["code"]}: {(string?)error["message"]}{(error["target"] is { } target ? $" (target {target})" : "")}";
        return error["details"] is JArray { Count: > 0 } details
            ? text + string.Concat(details.OfType<JObject>().Select(d => Environment.NewLine + "  " + Describe(d)))
            : text;
    }

    private void Print(string line)
    {
        lock (gate)
        {
            output.WriteLine(line);
        }
    }
}
