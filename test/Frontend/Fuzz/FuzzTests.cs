using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>
/// The fuzz suite: requests for every operation of every api-version in <c>swagger/</c>, valid and
/// mutated, sent in turn for <see cref="FuzzBudget.Duration"/> from a seed, so that a run is
/// reproducible. A case that breaks a rule (<see cref="FuzzRunner"/>) is shrunk with CsCheck to the
/// smallest failing request of its operation found, which the failure shows with what replays it.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(KestrelFactory factory, ITestOutputHelper output)
{
    public const string ReplayVariable = "RP_FUZZ_REPLAY";

    private const int BodyTurns = 3;

    private static readonly TimeSpan ShrinkTime = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Fuzz_EveryOperationOfEveryApiVersion_NoServerErrorAndRefusalsChangeNothing()
    {
        var budget = FuzzBudget.FromEnvironment();
        var operations = SpecDocument.LoadAll().SelectMany(s => s.Operations).ToList();
        operations.Select(o => o.ApiVersion).Distinct().Should().HaveCount(2, "both published api-versions are fuzzed");
        var gens = operations.Select(o => FuzzCases.For(o)).ToList();

        // Operations with a body have the most to mutate: they take three turns in each round.
        var schedule = operations.SelectMany((o, i) => Enumerable.Repeat(i, o.BodySchema is null ? 1 : BodyTurns)).ToList();
        await using var runner = new FuzzRunner(factory);

        if (Environment.GetEnvironmentVariable(ReplayVariable) is { Length: > 0 } replay)
        {
            var parts = replay.Split(' ');
            var index = operations.FindIndex(o => o.OperationId == parts[0] && o.ApiVersion == parts[1]);
            await runner.RunAsync(gens[index].Generate(PCG.Parse(parts[2]), null, out _));
            return;
        }

        var master = budget.Master();
        var tally = new FuzzTally();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < budget.Duration || !tally.Covers(operations); i++)
        {
            var index = schedule[i % schedule.Count];
            var seed = new PCG(master.Next(), master.Next64()).ToString();
            var fuzzCase = gens[index].Generate(PCG.Parse(seed), null, out _);
            try
            {
                CheckValidPath(fuzzCase);
                tally.Add(fuzzCase, await runner.RunAsync(fuzzCase));
            }
            catch (Exception e) when (e is XunitException or HttpRequestException or InvalidOperationException)
            {
                throw new XunitException(await ShrinkAsync(operations[index], gens[index], fuzzCase, seed, e, runner, budget));
            }
        }

        var report = tally.Report(budget, runner.Requests, clock.Elapsed);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable(FuzzBudget.ReportVariable) is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report);
        }
    }

    /// <summary>The generator's own check: a valid case's path values keep the spec's patterns and lengths.</summary>
    private static void CheckValidPath(FuzzCase fuzzCase)
    {
        if (!fuzzCase.IsValid)
        {
            return;
        }

        foreach (var parameter in fuzzCase.Operation.PathParameters.Where(p => fuzzCase.PathValues[p.Name] != FuzzCase.SetupOperationId))
        {
            FuzzCases.Conforms(parameter, Uri.UnescapeDataString(fuzzCase.PathValues[parameter.Name])).Should().BeTrue($"the valid {parameter.Name} keeps the spec's pattern: {fuzzCase}");
        }
    }

    private async Task<string> ShrinkAsync(SpecOperation operation, Gen<FuzzCase> gen, FuzzCase failing, string seed, Exception failure, FuzzRunner runner, FuzzBudget budget)
    {
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"The fuzz suite (seed {budget.Seed}) found a request that breaks the rules:")
            .AppendLine(failing.ToString())
            .AppendLine(failure.Message)
            .AppendLine(CultureInfo.InvariantCulture, $"Replay it: {ReplayVariable}='{operation.OperationId} {operation.ApiVersion} {seed}' hack/fuzz.sh");
        try
        {
            await Check.SampleAsync(gen, c => runner.RunAsync(c), seed: seed, time: (int)ShrinkTime.TotalSeconds, threads: 1, print: c => c.ToString());
            report.AppendLine("(Shrinking did not fail again: the failure depends on more than the request.)");
        }
        catch (CsCheckException shrunk)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"The smallest failing request of {operation} that shrinking found (replay it with {ReplayVariable}='{operation.OperationId} {operation.ApiVersion} SEED', SEED as CsCheck prints it):")
                .AppendLine(shrunk.Message);
        }

        output.WriteLine(report.ToString());
        return report.ToString();
    }
}
