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
    /// <summary>The parts present, so the engine can tell which rules can run.</summary>
    public SnapshotParts Parts =>
        (Staff is null ? SnapshotParts.None : SnapshotParts.Staff)
        | (Enrollees is null ? SnapshotParts.None : SnapshotParts.Enrollees)
        | (Services is null ? SnapshotParts.None : SnapshotParts.Services)
        | (PcTracker is null ? SnapshotParts.None : SnapshotParts.PcTracker)
        | (Claims is null ? SnapshotParts.None : SnapshotParts.Claims)
        | (Enrollees is not null || DeclaredCensus is not null ? SnapshotParts.Census : SnapshotParts.None);
}
