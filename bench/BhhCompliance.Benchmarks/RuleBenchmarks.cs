using BenchmarkDotNet.Attributes;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// Two rules that read the monthly ledger, each run alone through the engine with its shipped
/// parameters and wording (<see cref="ShippedRule"/>), on a snapshot built in code:
/// SVC-MONTHLY-MINIMUM over every full enrolled month, and BILL-SUBSTANTIATED joining every
/// claim to the ledger. <c>Rows</c> is enrollees × 12 months, which is also the number of claims;
/// the ledger aggregates 100 service records per enrollee (2,000,000 for 240,000 rows).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RowsConfig))]
public class RuleBenchmarks
{
    private ShippedRule _monthlyMinimum = null!;
    private ShippedRule _substantiated = null!;
    private Snapshot _snapshot = null!;

    /// <summary>Enrollee months of the period (enrollees × 12), and claims.</summary>
    [Params(12_000, 240_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _monthlyMinimum = new ShippedRule("SVC-MONTHLY-MINIMUM", SyntheticSnapshot.AsOf);
        _substantiated = new ShippedRule("BILL-SUBSTANTIATED", SyntheticSnapshot.AsOf);
        var enrollees = Rows / 12;
        var data = SyntheticSnapshot.Create(enrollees, enrollees * 100);
        _snapshot = data.ToSnapshot();
        Check(_monthlyMinimum.RunSingle(_snapshot), "enrollee_months", data.EnrolleeMonths);
        Check(_substantiated.RunSingle(_snapshot), "claims", data.ClaimCount);

        var small = SyntheticSnapshot.Create(100, 10_000).ToSnapshot();
        JitWarmUp.Run(
            () =>
            {
                GC.KeepAlive(_monthlyMinimum.Run(small));
                GC.KeepAlive(_substantiated.Run(small));
            },
            TimeSpan.FromSeconds(3));
    }

    /// <summary>SVC-MONTHLY-MINIMUM: minutes of every full enrolled month against 60.</summary>
    [Benchmark]
    public AuditResult MonthlyMinimum() => _monthlyMinimum.Run(_snapshot);

    /// <summary>BILL-SUBSTANTIATED: a documented service in the month of every claim.</summary>
    [Benchmark]
    public AuditResult ClaimsSubstantiated() => _substantiated.Run(_snapshot);

    private static void Check(Finding finding, string key, int expected)
    {
        if (finding.Outcome is Outcome.Error || finding.Evidence[key] != expected)
        {
            throw new InvalidOperationException($"{finding.RuleId}: expected {key} = {expected}; got {finding.Outcome}: {finding.Message}");
        }

        Console.WriteLine($"// {finding.RuleId}: {finding.Outcome.Name()}, {string.Join(", ", finding.Evidence.Select(e => $"{e.Key} {e.Value.ToTemplateValue()}"))}, {finding.Details.Count:N0} detail rows");
    }
}
