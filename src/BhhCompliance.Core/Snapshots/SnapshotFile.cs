namespace BhhCompliance.Core.Snapshots;

/// <summary>The parts of a snapshot that rules read, each from one file (snapshot.md).</summary>
[Flags]
public enum SnapshotParts
{
    None = 0,
    Staff = 1,
    Enrollees = 2,
    Services = 4,
    PcTracker = 8,
    Claims = 16,

    /// <summary>The census: from enrollees.csv, or <c>enrollment.census</c> without it.</summary>
    Census = 32,

    /// <summary>The charts under review: chart-sample.csv, or without it the charts in chart-events.csv.</summary>
    Charts = 64,

    ChartEvents = 128,
}

public static class SnapshotFile
{
    public const string Agency = "agency.yaml";
    public const string Staff = "staff.csv";
    public const string Enrollees = "enrollees.csv";
    public const string Services = "services.csv";
    public const string PcTrackerCsv = "pc-tracker.csv";
    public const string PcTrackerXlsx = "pc-tracker.xlsx";
    public const string Claims = "claims.csv";
    public const string ChartEvents = "chart-events.csv";
    public const string ChartSample = "chart-sample.csv";
    public const string Attestations = "attestations.csv";

    /// <summary>Every file name a snapshot folder may hold.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Agency, Staff, Enrollees, Services, PcTrackerCsv, PcTrackerXlsx, Claims, ChartEvents, ChartSample, Attestations];

    /// <summary>The file names a user would supply for a part, for "cannot evaluate" messages.</summary>
    public static string Describe(SnapshotParts part) => part switch
    {
        SnapshotParts.Staff => Staff,
        SnapshotParts.Enrollees => Enrollees,
        SnapshotParts.Services => Services,
        SnapshotParts.PcTracker => $"{PcTrackerCsv} (or {PcTrackerXlsx})",
        SnapshotParts.Claims => Claims,
        SnapshotParts.Census => $"{Enrollees} (or enrollment.census in {Agency})",
        SnapshotParts.Charts => $"{ChartSample} (or {ChartEvents})",
        SnapshotParts.ChartEvents => ChartEvents,
        _ => part.ToString(),
    };
}
