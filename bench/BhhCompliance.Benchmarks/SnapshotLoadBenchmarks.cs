using BenchmarkDotNet.Attributes;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Snapshots;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// Loading a snapshot folder with <see cref="SnapshotLoader"/>: reading and checking the CSV
/// files, and aggregating services.csv into the monthly ledger as it streams. The folders are
/// written once per size in setup (see <see cref="SyntheticSnapshot"/>: 1 enrollee per 100
/// service records, 12 months); the loader is checked there to accept them without an error.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RowsConfig))]
public class SnapshotLoadBenchmarks
{
    private BenchmarkFolder _folder = null!;
    private string _whole = null!;
    private string _servicesOnly = null!;

    /// <summary>Rows of services.csv.</summary>
    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = new BenchmarkFolder($"load-{Rows}");
        _whole = _folder.Sub("whole");
        _servicesOnly = _folder.Sub("services-only");
        var snapshot = SyntheticSnapshot.Create(Rows / 100, Rows);
        snapshot.Write(_whole, rosters: true);
        snapshot.Write(_servicesOnly, rosters: false);
        Check(_whole, snapshot);
        Check(_servicesOnly, snapshot);

        var small = _folder.Sub("warm-up");
        SyntheticSnapshot.Create(100, 10_000).Write(small, rosters: true);
        var loader = new SnapshotLoader();
        JitWarmUp.Run(() => GC.KeepAlive(loader.Load(small)), TimeSpan.FromSeconds(3));
    }

    [GlobalCleanup]
    public void Cleanup() => _folder.Dispose();

    /// <summary>agency.yaml, staff.csv, enrollees.csv and services.csv; services are checked against both rosters.</summary>
    [Benchmark(Baseline = true)]
    public Snapshot? LoadWithRosters() => new SnapshotLoader().Load(_whole).Snapshot;

    /// <summary>agency.yaml and services.csv alone: no roster, so no reference checks.</summary>
    [Benchmark]
    public Snapshot? LoadServicesOnly() => new SnapshotLoader().Load(_servicesOnly).Snapshot;

    private static void Check(string folder, SyntheticSnapshot expected)
    {
        var result = new SnapshotLoader().Load(folder);
        if (result.HasErrors || result.Snapshot?.Services is not { } services)
        {
            throw new InvalidOperationException(
                $"The loader rejects the generated snapshot {folder}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.IsError).Take(20)));
        }

        if (services.RecordsInPeriod != expected.ServiceCount)
        {
            throw new InvalidOperationException($"{folder}: the ledger holds {services.RecordsInPeriod} records in the period, not {expected.ServiceCount}.");
        }

        Console.WriteLine($"// {folder}: {services.RecordsInPeriod:N0} service records, {expected.Enrollees.Count:N0} enrollees, {result.Diagnostics.Count} warnings");
    }
}
