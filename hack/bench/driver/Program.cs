using Rp.Bench.Driver;

// hack/bench.sh's probes, one per subcommand; each writes its figures as JSON for `report`.
var arguments = Arguments.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "seed" => await Seeder.RunAsync(arguments),
    "list" => await ListWalk.RunAsync(arguments),
    "latency" => await CreateLatency.RunAsync(arguments),
    "burst" => await Burst.RunAsync(arguments),
    "ready" => await ReadyProbe.RunAsync(arguments),
    "drain" => await BacklogDrain.RunAsync(arguments),
    "report" => Report.Run(arguments),
    "chart" => LatencyChart.Run(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Rp.Bench.Driver seed|list|latency|burst|ready|drain|report|chart --option value ...");
    return 2;
}
