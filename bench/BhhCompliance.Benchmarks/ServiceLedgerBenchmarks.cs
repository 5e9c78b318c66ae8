using BenchmarkDotNet.Attributes;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// The monthly aggregation alone: <see cref="ServiceLedgerBuilder.Add"/> over service records
/// already in memory (as the loader hands them over), then <see cref="ServiceLedgerBuilder.Build"/>.
/// The difference to <see cref="SnapshotLoadBenchmarks"/> is the cost of reading and checking CSV.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RowsConfig))]
public class ServiceLedgerBenchmarks
{
    private ServiceRecord[] _records = null!;

    /// <summary>Service records.</summary>
    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _records = [.. SyntheticSnapshot.Create(Rows / 100, Rows).Services()];
        var small = SyntheticSnapshot.Create(100, 10_000).Services().ToArray();
        JitWarmUp.Run(() => GC.KeepAlive(Aggregate(small)), TimeSpan.FromSeconds(3));
    }

    [Benchmark]
    public ServiceLedger AddAndBuild() => Aggregate(_records);

    private static ServiceLedger Aggregate(ServiceRecord[] records)
    {
        var builder = new ServiceLedgerBuilder(SnapshotFile.Services, SyntheticSnapshot.Period);
        foreach (ref readonly var record in records.AsSpan())
        {
            builder.Add(record);
        }

        return builder.Build();
    }
}
