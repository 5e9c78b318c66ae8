using BhhCompliance.Core.Domain;

namespace BhhCompliance.Core.Snapshots;

public sealed record AgencyProfile(string Id, string? Name, string? Type, string? ParentLmha);

public sealed record ReviewInfo(string Type, DateOnly AsOf, ReviewPeriod Period)
{
    /// <summary>The years a review date may fall in; another is a typing slip (0026 for 2026).</summary>
    public const int FirstYear = 1900, LastYear = 2199;

    /// <summary>Whether <paramref name="date"/> can be a review's date (agency.yaml or <c>--as-of</c>).</summary>
    public static bool IsPlausible(DateOnly date) => date.Year is >= FirstYear and <= LastYear;
}

/// <summary>One row of staff.csv. <see cref="EndDate"/> is the last day worked, inclusive.</summary>
public sealed record StaffMember(
    string StaffId,
    string? Name,
    string Role,
    decimal Fte,
    string? DegreeLevel,
    string? DegreeField,
    string? LicenseType,
    DateOnly? LicenseExpires,
    decimal? BhExperienceYears,
    DateOnly StartDate,
    DateOnly? EndDate,
    SourceLine Source)
{
    /// <summary>Active on a day: started on or before it, and no end date or an end on or after it.</summary>
    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);

    public string DisplayName => string.IsNullOrEmpty(Name) ? StaffId : Name;

    /// <summary>A license is current on a day when its expiry is recorded and not before that day.</summary>
    public bool HasCurrentLicenseOn(DateOnly day) => LicenseExpires is { } expires && expires >= day;
}

/// <summary>One row of enrollees.csv. <see cref="DisenrolledOn"/> is the last enrolled day, inclusive.</summary>
public sealed record Enrollee(string EnrolleeId, DateOnly EnrolledOn, DateOnly? DisenrolledOn, SourceLine Source)
{
    public bool IsEnrolledOn(DateOnly day) => EnrolledOn <= day && (DisenrolledOn is null || DisenrolledOn >= day);

    /// <summary>Enrolled on every day of the month: a full enrolled month when the month is a full month of the period.</summary>
    public bool IsEnrolledThroughout(YearMonth month) =>
        EnrolledOn <= month.FirstDay && (DisenrolledOn is null || DisenrolledOn >= month.LastDay);

    /// <summary>Enrolled on at least one day of the month.</summary>
    public bool IsEnrolledDuring(YearMonth month) =>
        EnrolledOn <= month.LastDay && (DisenrolledOn is null || DisenrolledOn >= month.FirstDay);

    public bool IsEnrolledDuring(ReviewPeriod period) =>
        EnrolledOn <= period.End && (DisenrolledOn is null || DisenrolledOn >= period.Start);
}

/// <summary>One row of services.csv, as the loader streams it into a <see cref="ServiceLedger"/>.</summary>
public readonly record struct ServiceRecord(
    string EnrolleeId,
    DateOnly Date,
    string Service,
    decimal Minutes,
    string? ProcedureCode,
    string? StaffId,
    string? NoteId,
    SourceLine Source)
{
    public bool IsDocumented => !string.IsNullOrEmpty(NoteId);
}

/// <summary>One row of the PC Tracker (pc-tracker.csv, or the first worksheet of pc-tracker.xlsx).</summary>
public sealed record PcTrackerEntry(
    DateOnly Date,
    string ConsultantId,
    decimal Minutes,
    string Activity,
    string? EnrolleeId,
    bool BilledToMedicaid,
    SourceLine Source);

/// <summary>One PMPM claim of claims.csv.</summary>
public sealed record Claim(string ClaimId, string EnrolleeId, YearMonth Month, decimal Amount, SourceLine Source);

/// <summary>A dated event in an enrollee's chart (chart-events.csv).</summary>
public sealed record ChartEvent(string EnrolleeId, string Event, DateOnly Date, string? Detail, SourceLine Source);

/// <summary>An enrollee whose chart was sampled for review (chart-sample.csv).</summary>
public sealed record ChartSampleEntry(string EnrolleeId, SourceLine Source);

/// <summary>A reviewer's answer to a manual chart criterion for one chart (attestations.csv).</summary>
public sealed record Attestation(
    string EnrolleeId,
    string Criterion,
    string Answer,
    string? Reviewer,
    DateOnly? Date,
    string? Comment,
    SourceLine Source);

/// <summary>The rows of one snapshot file.</summary>
public sealed record SnapshotTable<T>(string FileName, IReadOnlyList<T> Rows);
