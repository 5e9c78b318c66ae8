using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Tests.TestData;

/// <summary>
/// Builds a <see cref="Snapshot"/> in code. The review defaults to as-of 2026-09-30 over the
/// period 2026-04-01 to 2026-09-30 (six full months). A part stays absent, as when its file is
/// missing, until a row of it is added or the file is declared present but empty. Each row gets
/// the physical line it would have in its file, the header being line 1.
/// </summary>
internal sealed class SnapshotBuilder
{
    public const string AgencyId = "LMHA-RV";
    public const string AgencyName = "River Valley Services";

    private DateOnly _asOf = Dates.Day("2026-09-30");
    private DateOnly _periodStart = Dates.Day("2026-04-01");
    private DateOnly _periodEnd = Dates.Day("2026-09-30");
    private string? _agencyName = AgencyName;
    private int? _declaredCensus;
    private List<StaffMember>? _staff;
    private List<Enrollee>? _enrollees;
    private List<ServiceRecord>? _services;
    private List<PcTrackerEntry>? _pcTracker;
    private List<Claim>? _claims;
    private List<ChartEvent>? _chartEvents;
    private List<ChartSampleEntry>? _chartSample;
    private List<Attestation>? _attestations;

    public SnapshotBuilder AsOf(DateOnly asOf)
    {
        _asOf = asOf;
        return this;
    }

    public SnapshotBuilder Period(DateOnly start, DateOnly end)
    {
        _periodStart = start;
        _periodEnd = end;
        return this;
    }

    public SnapshotBuilder AgencyWithoutName()
    {
        _agencyName = null;
        return this;
    }

    /// <summary><c>enrollment.census</c> in agency.yaml.</summary>
    public SnapshotBuilder DeclaredCensus(int census)
    {
        _declaredCensus = census;
        return this;
    }

    public SnapshotBuilder WithStaffFile()
    {
        _staff ??= [];
        return this;
    }

    public SnapshotBuilder WithEnrolleesFile()
    {
        _enrollees ??= [];
        return this;
    }

    public SnapshotBuilder WithServicesFile()
    {
        _services ??= [];
        return this;
    }

    public SnapshotBuilder WithPcTrackerFile()
    {
        _pcTracker ??= [];
        return this;
    }

    public SnapshotBuilder WithClaimsFile()
    {
        _claims ??= [];
        return this;
    }

    public SnapshotBuilder WithChartEventsFile()
    {
        _chartEvents ??= [];
        return this;
    }

    /// <summary>A chart-sample.csv that lists no chart.</summary>
    public SnapshotBuilder WithChartSampleFile()
    {
        _chartSample ??= [];
        return this;
    }

    public SnapshotBuilder WithAttestationsFile()
    {
        _attestations ??= [];
        return this;
    }

    public SnapshotBuilder Staff(
        string staffId,
        string role,
        decimal fte = 1m,
        string? licenseType = null,
        DateOnly? licenseExpires = null,
        string? degreeLevel = null,
        string? degreeField = null,
        decimal? experienceYears = null,
        DateOnly? startDate = null,
        DateOnly? endDate = null,
        string? name = null)
    {
        var rows = _staff ??= [];
        rows.Add(new StaffMember(
            staffId,
            name,
            role,
            fte,
            degreeLevel,
            degreeField,
            licenseType,
            licenseExpires,
            experienceYears,
            startDate ?? Dates.Day("2020-01-01"),
            endDate,
            new SourceLine(SnapshotFile.Staff, rows.Count + 2)));
        return this;
    }

    /// <summary>One active staff member with FTE 1 in each of the seven roles.</summary>
    public SnapshotBuilder FullTeam()
    {
        foreach (var role in BhhProgram.Roles.Ids)
        {
            Staff("T-" + role, role);
        }

        return this;
    }

    /// <summary>An enrollee; without dates, enrolled since 2025-01-01 and still enrolled.</summary>
    public SnapshotBuilder Enrollee(string enrolleeId, DateOnly? enrolledOn = null, DateOnly? disenrolledOn = null)
    {
        var rows = _enrollees ??= [];
        rows.Add(new Enrollee(enrolleeId, enrolledOn ?? Dates.Day("2025-01-01"), disenrolledOn, new SourceLine(SnapshotFile.Enrollees, rows.Count + 2)));
        return this;
    }

    /// <summary>A service record; a documented one gets the note id <c>N&lt;line&gt;</c>.</summary>
    public SnapshotBuilder Service(
        string enrolleeId,
        DateOnly date,
        decimal minutes = 60m,
        string service = "care-management",
        string? procedureCode = "T1017",
        bool documented = true,
        string? staffId = "S1")
    {
        var rows = _services ??= [];
        var line = rows.Count + 2;
        rows.Add(new ServiceRecord(
            enrolleeId,
            date,
            service,
            minutes,
            procedureCode,
            staffId,
            documented ? $"N{line}" : null,
            new SourceLine(SnapshotFile.Services, line)));
        return this;
    }

    public SnapshotBuilder PcEntry(
        DateOnly date,
        decimal minutes,
        bool billed = false,
        string consultantId = "PC1",
        string activity = "case-review",
        string? enrolleeId = null)
    {
        var rows = _pcTracker ??= [];
        rows.Add(new PcTrackerEntry(date, consultantId, minutes, activity, enrolleeId, billed, new SourceLine(SnapshotFile.PcTrackerCsv, rows.Count + 2)));
        return this;
    }

    public SnapshotBuilder Claim(string claimId, string enrolleeId, YearMonth month, decimal amount = 1000m)
    {
        var rows = _claims ??= [];
        rows.Add(new Claim(claimId, enrolleeId, month, amount, new SourceLine(SnapshotFile.Claims, rows.Count + 2)));
        return this;
    }

    /// <summary>An event in the enrollee's chart (chart-events.csv), with an event id as the file spells it.</summary>
    public SnapshotBuilder ChartEvent(string enrolleeId, string @event, DateOnly date, string? detail = null)
    {
        var rows = _chartEvents ??= [];
        rows.Add(new ChartEvent(enrolleeId, @event, date, detail, new SourceLine(SnapshotFile.ChartEvents, rows.Count + 2)));
        return this;
    }

    /// <summary>Rows of chart-sample.csv, one per enrollee, in the order given.</summary>
    public SnapshotBuilder ChartSample(params string[] enrolleeIds)
    {
        var rows = _chartSample ??= [];
        foreach (var enrolleeId in enrolleeIds)
        {
            rows.Add(new ChartSampleEntry(enrolleeId, new SourceLine(SnapshotFile.ChartSample, rows.Count + 2)));
        }

        return this;
    }

    /// <summary>A reviewer's answer (attestations.csv): <c>met</c>, <c>not-met</c> or <c>not-applicable</c>.</summary>
    public SnapshotBuilder Attestation(
        string enrolleeId,
        string criterion,
        string answer,
        string? reviewer = "R1",
        DateOnly? date = null,
        string? comment = null)
    {
        var rows = _attestations ??= [];
        rows.Add(new Attestation(enrolleeId, criterion, answer, reviewer, date, comment, new SourceLine(SnapshotFile.Attestations, rows.Count + 2)));
        return this;
    }

    public Snapshot Build()
    {
        var period = new ReviewPeriod(_periodStart, _periodEnd);
        return new Snapshot(
            new AgencyProfile(AgencyId, _agencyName, "lmha", null),
            new ReviewInfo("self-check", _asOf, period),
            _declaredCensus,
            _staff is null ? null : new SnapshotTable<StaffMember>(SnapshotFile.Staff, [.. _staff]),
            _enrollees is null ? null : new SnapshotTable<Enrollee>(SnapshotFile.Enrollees, [.. _enrollees]),
            _services is null ? null : Ledger(period, _services),
            _pcTracker is null ? null : new SnapshotTable<PcTrackerEntry>(SnapshotFile.PcTrackerCsv, [.. _pcTracker]),
            _claims is null ? null : new SnapshotTable<Claim>(SnapshotFile.Claims, [.. _claims]))
        {
            ChartEvents = _chartEvents is null ? null : new SnapshotTable<ChartEvent>(SnapshotFile.ChartEvents, [.. _chartEvents]),
            ChartSample = _chartSample is null ? null : new SnapshotTable<ChartSampleEntry>(SnapshotFile.ChartSample, [.. _chartSample]),
            Attestations = _attestations is null ? null : new SnapshotTable<Attestation>(SnapshotFile.Attestations, [.. _attestations]),
        };
    }

    private static ServiceLedger Ledger(ReviewPeriod period, List<ServiceRecord> records)
    {
        var builder = new ServiceLedgerBuilder(SnapshotFile.Services, period);
        foreach (var record in records)
        {
            builder.Add(record);
        }

        return builder.Build();
    }
}
