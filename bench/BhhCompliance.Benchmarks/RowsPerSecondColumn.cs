using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// A "Rows/s" column: the benchmark's <c>Rows</c> parameter divided by its mean time. Each
/// benchmark runs on one thread, so this is also the rate per core.
/// </summary>
public sealed class RowsPerSecondColumn : IColumn
{
    public const string Parameter = "Rows";

    public string Id => nameof(RowsPerSecondColumn);

    public string ColumnName => "Rows/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"The {Parameter} parameter divided by the mean time, per second (one thread)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var rows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == Parameter)?.Value;
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (rows is null || mean is not > 0)
        {
            return "-";
        }

        var perSecond = Convert.ToDouble(rows, CultureInfo.InvariantCulture) / (mean.Value / 1e9);
        return perSecond.ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}

/// <summary>
/// The columns of the benchmarks over rows (<c>[Config(typeof(RowsConfig))]</c>): rows per
/// second, and the median and minimum beside the mean, which say more than the mean alone when
/// other work shares the machine.
/// </summary>
public sealed class RowsConfig : ManualConfig
{
    public RowsConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.Min, new RowsPerSecondColumn());
}
