using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Tables;

namespace BhhCompliance.Loading.Snapshots;

public sealed record SnapshotLoadResult(Snapshot? Snapshot, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>How far loading has got: the file being read and its bytes.</summary>
public readonly record struct LoadProgress(string File, long BytesDone, long BytesTotal);

/// <summary>
/// Loads a snapshot folder (snapshot.md). Every file is read once, streaming; every problem in
/// every file is reported; files are opened read-only. Diagnostics name files relative to the
/// folder. The snapshot is returned only when there is no error.
/// </summary>
public sealed class SnapshotLoader
{
    /// <param name="folder">The snapshot folder.</param>
    /// <param name="progress">Progress while files stream.</param>
    /// <param name="chartCriteria">The rule set's chart criteria, to check attestations.csv's criteria against; null to check only their form.</param>
    /// <param name="asOf">The review day, instead of agency.yaml's <c>as_of</c> (<c>--as-of</c>); null for agency.yaml's.</param>
    public SnapshotLoadResult Load(string folder, IProgress<LoadProgress>? progress = null, ChartCriteria? chartCriteria = null, DateOnly? asOf = null) =>
        Load(folder, progress, () => chartCriteria, asOf);

    /// <summary>
    /// As <see cref="Load(string, IProgress{LoadProgress}?, ChartCriteria?)"/>, with the chart
    /// criteria asked for only when attestations.csv is read, the last file: a caller can load the
    /// rule set on another thread meanwhile.
    /// </summary>
    /// <param name="folder">The snapshot folder.</param>
    /// <param name="progress">Progress while files stream.</param>
    /// <param name="chartCriteria">Gives the rule set's chart criteria (or null) when they are needed.</param>
    /// <param name="asOf">
    /// The review day, instead of agency.yaml's <c>as_of</c> (<c>--as-of</c>); null for agency.yaml's.
    /// The checks that depend on the day (a chart event after it; which charts are under review,
    /// for attestations.csv) use the same day as the rules.
    /// </param>
    public SnapshotLoadResult Load(string folder, IProgress<LoadProgress>? progress, Func<ChartCriteria?> chartCriteria, DateOnly? asOf = null)
    {
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(Problems.SnapshotFolderMissing(SourceLocation.OfFile(string.Empty)));
            return new SnapshotLoadResult(null, diagnostics.ToList());
        }

        var agencyPath = Path.Join(folder, SnapshotFile.Agency);
        AgencyFacts? facts = null;
        if (File.Exists(agencyPath))
        {
            facts = AgencyFile.Read(agencyPath, diagnostics);
            if (facts is not null && asOf is { } day)
            {
                facts = facts with { Review = facts.Review with { AsOf = day } };
            }
        }
        else
        {
            diagnostics.Add(Problems.AgencyFileMissing(SourceLocation.OfFile(SnapshotFile.Agency)));
        }

        // Without a usable agency.yaml there is no period; the files are still checked so that
        // every problem is reported in one run, with a stand-in period that warns about nothing.
        var period = facts?.Review.Period;
        var files = new SnapshotFiles(folder, diagnostics, progress);

        var staff = files.Read(SnapshotFile.Staff, RosterFiles.Staff);
        var enrollees = files.Read(SnapshotFile.Enrollees, RosterFiles.Enrollees);

        // A roster that could not be read to the end would make every reference to a missing row
        // look wrong; references are checked only against rosters read whole.
        var references = new References(staff is { Complete: true } ? staff.Ids : null, enrollees is { Complete: true } ? enrollees.Ids : null);
        var services = files.Read(SnapshotFile.Services, (rows, _) => ActivityFiles.Services(rows, references, period));
        var pcTracker = ReadPcTracker(files, references, period);
        var claims = files.Read(SnapshotFile.Claims, (rows, _) => ActivityFiles.Claims(rows, references, period));
        var chartEvents = files.Read(SnapshotFile.ChartEvents, (rows, _) => ChartFiles.Events(rows, references, facts?.Review.AsOf));
        var chartSample = files.Read(SnapshotFile.ChartSample, (rows, _) => ChartFiles.Sample(rows, references));
        if (chartSample is { Complete: true, Table.Rows.Count: 0 })
        {
            diagnostics.Add(Problems.EmptyChartSample(new SourceLocation(SnapshotFile.ChartSample, 1, 1)));
        }

        var charts = chartSample is not null
            ? (chartSample.Complete ? new ChartsUnderReview(chartSample.Ids!, SnapshotFile.ChartSample) : null)
            : chartEvents is { Complete: true } ? new ChartsUnderReview(chartEvents.Ids!, $"the enrollees with a chart event on or before the as-of date; there is no {SnapshotFile.ChartSample}") : null;
        var attestations = files.Read(SnapshotFile.Attestations, (rows, _) => ChartFiles.Attestations(rows, references, chartCriteria(), charts));

        if (facts is not null && enrollees is not null)
        {
            if (facts.DeclaredCensus is { } declared)
            {
                diagnostics.Add(Problems.CensusIgnored(facts.CensusAt, declared));
            }

            if (services is { Complete: true })
            {
                ActivityFiles.WarnEnrolleesWithoutServices(enrollees.Table.Rows, services.Table, facts.Review.Period, diagnostics);
            }
        }

        if (diagnostics.HasErrors || facts is null)
        {
            return new SnapshotLoadResult(null, diagnostics.ToList());
        }

        var snapshot = new Snapshot(
            facts.Agency,
            facts.Review,
            facts.DeclaredCensus,
            staff?.Table,
            enrollees?.Table,
            services?.Table,
            pcTracker?.Table,
            claims?.Table)
        {
            ChartEvents = chartEvents?.Table,
            ChartSample = chartSample?.Table,
            Attestations = attestations?.Table,
        };
        return new SnapshotLoadResult(snapshot, diagnostics.ToList());
    }

    private static Loaded<SnapshotTable<PcTrackerEntry>>? ReadPcTracker(SnapshotFiles files, References references, ReviewPeriod? period)
    {
        var csv = files.Exists(SnapshotFile.PcTrackerCsv);
        var xlsx = files.Exists(SnapshotFile.PcTrackerXlsx);
        if (csv && xlsx)
        {
            files.Diagnostics.Add(Problems.TwoPcTrackers(SourceLocation.OfFile(SnapshotFile.PcTrackerXlsx)));
            return null;
        }

        var name = xlsx ? SnapshotFile.PcTrackerXlsx : SnapshotFile.PcTrackerCsv;
        return files.Read(name, (rows, fileName) => ActivityFiles.PcTracker(rows, fileName, references, period));
    }
}

/// <summary>
/// A loaded file: its table; every id its rows declared, valid rows or not (for files others
/// refer to); and whether every row of the file was read.
/// </summary>
internal sealed record Loaded<T>(T Table, IReadOnlySet<string>? Ids = null)
{
    public bool Complete { get; init; }
}

/// <summary>
/// The ids other files may refer to; null where the file is absent, so nothing can be checked.
/// A reference found is returned as the roster's own string.
/// </summary>
internal sealed class References(IReadOnlySet<string>? staffIds, IReadOnlySet<string>? enrolleeIds)
{
    private readonly IdSet? _staff = staffIds is null ? null : new IdSet(staffIds);
    private readonly IdSet? _enrollees = enrolleeIds is null ? null : new IdSet(enrolleeIds);

    /// <summary>The enrollee id in <paramref name="column"/>, reported when enrollees.csv does not list it.</summary>
    public string? Enrollee(RowReader row, string column, bool required = false) =>
        row.Id(column, _enrollees, Problems.UnknownEnrollee, required);

    /// <summary>The staff id in <paramref name="column"/>, reported when staff.csv does not list it.</summary>
    public string? Staff(RowReader row, string column, bool required = false) =>
        row.Id(column, _staff, Problems.UnknownStaff, required);
}

/// <summary>Opens the snapshot's table files and reports progress while they stream.</summary>
internal sealed class SnapshotFiles(string folder, DiagnosticBag diagnostics, IProgress<LoadProgress>? progress)
{
    private const int ProgressEvery = 16_384;

    public DiagnosticBag Diagnostics => diagnostics;

    public bool Exists(string name) => File.Exists(Path.Join(folder, name));

    /// <summary>Reads the file <paramref name="name"/>, if the snapshot has it, with <paramref name="read"/> (given the rows and the name).</summary>
    public Loaded<T>? Read<T>(string name, Func<IEnumerable<RowReader>, string, Loaded<T>> read)
    {
        var path = Path.Join(folder, name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using ITableSource source = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? new XlsxTable(path, name, diagnostics)
                : new CsvTable(path, name, diagnostics);
            var status = new TableStatus();
            var rows = WithProgress(TableReader.Read(source, Schemas.For(name), diagnostics, status), source);
            return read(rows, name) with { Complete = status.Complete };
        }
        catch (IOException ex)
        {
            diagnostics.Add(Problems.Unreadable(SourceLocation.OfFile(name), ex.Message));
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            diagnostics.Add(Problems.Unreadable(SourceLocation.OfFile(name), ex.Message));
            return null;
        }
    }

    private IEnumerable<RowReader> WithProgress(IEnumerable<RowReader> rows, ITableSource source)
    {
        var count = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (progress is not null && ++count % ProgressEvery == 0)
            {
                var (done, total) = source.Position;
                progress.Report(new LoadProgress(source.FileName, done, total));
            }
        }

        if (progress is not null)
        {
            var (_, total) = source.Position;
            progress.Report(new LoadProgress(source.FileName, total, total));
        }
    }
}

/// <summary>The columns of each snapshot file (snapshot.md); a trailing * marks a required column.</summary>
internal static class Schemas
{
    public static TableSchema For(string name) => name switch
    {
        SnapshotFile.Staff => TableSchema.Of("staff_id*", "name", "role*", "fte*", "degree_level", "degree_field", "license_type", "license_expires", "bh_experience_years", "start_date*", "end_date"),
        SnapshotFile.Enrollees => TableSchema.Of("enrollee_id*", "enrolled_on*", "disenrolled_on"),
        SnapshotFile.Services => TableSchema.Of("enrollee_id*", "date*", "service*", "minutes*", "procedure_code", "staff_id", "note_id"),
        SnapshotFile.PcTrackerCsv or SnapshotFile.PcTrackerXlsx => TableSchema.Of("date*", "consultant_id*", "minutes*", "activity*", "enrollee_id", "billed_to_medicaid"),
        SnapshotFile.Claims => TableSchema.Of("claim_id*", "enrollee_id*", "month*", "amount*"),
        SnapshotFile.ChartEvents => TableSchema.Of("enrollee_id*", "event*", "date*", "detail"),
        SnapshotFile.ChartSample => TableSchema.Of("enrollee_id*"),
        SnapshotFile.Attestations => TableSchema.Of("enrollee_id*", "criterion*", "answer*", "reviewer", "date", "comment"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a snapshot table."),
    };
}
