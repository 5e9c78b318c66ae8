namespace BhhCompliance.Core.Snapshots;

/// <summary>
/// One agency's export for one review (snapshot.md). A part is null when its file is absent;
/// rules that need it then report <c>cannot-evaluate</c>.
/// </summary>
public sealed record Snapshot(
    AgencyProfile Agency,
    ReviewInfo Review,
    int? DeclaredCensus,
    SnapshotTable<StaffMember>? Staff,
    SnapshotTable<Enrollee>? Enrollees,
    ServiceLedger? Services,
    SnapshotTable<PcTrackerEntry>? PcTracker,
    SnapshotTable<Claim>? Claims)
{
    /// <summary>chart-events.csv: dated events in enrollee charts, for chart review.</summary>
    public SnapshotTable<ChartEvent>? ChartEvents { get; init; }

    /// <summary>chart-sample.csv: the charts chosen for review.</summary>
    public SnapshotTable<ChartSampleEntry>? ChartSample { get; init; }

    /// <summary>attestations.csv: reviewers' answers to manual chart criteria.</summary>
    public SnapshotTable<Attestation>? Attestations { get; init; }

    /// <summary>The parts present, so the engine can tell which rules can run.</summary>
    public SnapshotParts Parts =>
        (Staff is null ? SnapshotParts.None : SnapshotParts.Staff)
        | (Enrollees is null ? SnapshotParts.None : SnapshotParts.Enrollees)
        | (Services is null ? SnapshotParts.None : SnapshotParts.Services)
        | (PcTracker is null ? SnapshotParts.None : SnapshotParts.PcTracker)
        | (Claims is null ? SnapshotParts.None : SnapshotParts.Claims)
        | (Enrollees is not null || DeclaredCensus is not null ? SnapshotParts.Census : SnapshotParts.None)
        | (ChartSample is not null || ChartEvents is not null ? SnapshotParts.Charts : SnapshotParts.None)
        | (ChartEvents is null ? SnapshotParts.None : SnapshotParts.ChartEvents);
}
