using System.Globalization;
using System.Net;
using System.Text;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>What a fuzz run sent and how the RP answered, per operation; and whether every operation was exercised both ways.</summary>
public sealed class FuzzTally
{
    private readonly Dictionary<SpecOperation, (int Valid, int Accepted, int Refused)> perOperation = [];
    private readonly SortedDictionary<int, int> statuses = [];
    private readonly SortedDictionary<MutationKind, int> kinds = [];

    public int Cases { get; private set; }

    public void Add(FuzzCase fuzzCase, HttpStatusCode status)
    {
        Cases++;
        var code = (int)status;
        statuses[code] = statuses.GetValueOrDefault(code) + 1;
        kinds[fuzzCase.Kind] = kinds.GetValueOrDefault(fuzzCase.Kind) + 1;
        var (valid, accepted, refused) = perOperation.GetValueOrDefault(fuzzCase.Operation);
        perOperation[fuzzCase.Operation] = fuzzCase.IsValid
            ? (valid + 1, accepted, refused)
            : code < 400 ? (valid, accepted + 1, refused) : (valid, accepted, refused + 1);
    }

    /// <summary>Whether every operation has had an accepted valid request and a refused mutated one.</summary>
    public bool Covers(IEnumerable<SpecOperation> operations) =>
        operations.All(o => perOperation.TryGetValue(o, out var t) && t.Valid > 0 && t.Refused > 0);

    public string Report(FuzzBudget budget, long requests, TimeSpan elapsed)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"fuzz: seed {budget.Seed}, {Cases} cases, {requests} requests (setup included) in {elapsed.TotalSeconds:0} s, 0 failures")
            .AppendLine(CultureInfo.InvariantCulture, $"fuzz: statuses {string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}"))}")
            .AppendLine(CultureInfo.InvariantCulture, $"fuzz: cases by kind {string.Join(", ", kinds.Select(k => $"{k.Key}x{k.Value}"))}");
        foreach (var (operation, (valid, accepted, refused)) in perOperation.OrderBy(p => p.Key.ApiVersion, StringComparer.Ordinal).ThenBy(p => p.Key.OperationId, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"fuzz:   {operation}: {valid} valid (all accepted), mutated {accepted} accepted, {refused} refused");
        }

        return text.ToString();
    }
}
