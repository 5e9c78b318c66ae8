using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Engine;

/// <summary>An enrollee and the full months of the period in which they were enrolled every day.</summary>
public sealed record EnrolleeMonths(Enrollee Enrollee, IReadOnlyList<YearMonth> Months);

/// <summary>
/// The snapshot as the rules see it on the review's as-of date, with the facts several rules
/// share (snapshot.md, "Definitions the rules use") computed once, on first use.
/// </summary>
public sealed class AuditContext
{
    private readonly Lazy<int> _census;
    private readonly Lazy<IReadOnlyList<StaffMember>> _activeStaff;
    private readonly Lazy<IReadOnlyList<EnrolleeMonths>> _enrolledMonths;
    private readonly Lazy<IReadOnlyList<Claim>> _claimsInPeriod;
    private readonly Lazy<IReadOnlyList<ReviewedChart>> _reviewedCharts;

    public AuditContext(Snapshot snapshot)
    {
        Snapshot = snapshot;
        _census = new(CountCensus);
        _activeStaff = new(() => [.. Require(snapshot.Staff, SnapshotParts.Staff).Rows.Where(s => s.IsActiveOn(AsOf))]);
        _enrolledMonths = new(ListEnrolledMonths);
        _claimsInPeriod = new(() => [.. Require(snapshot.Claims, SnapshotParts.Claims).Rows.Where(c => Period.IndexOfFullMonth(c.Month) >= 0)]);
        _reviewedCharts = new(ListReviewedCharts);
    }

    public Snapshot Snapshot { get; }

    public DateOnly AsOf => Snapshot.Review.AsOf;

    public ReviewPeriod Period => Snapshot.Review.Period;

    /// <summary>Enrollees enrolled on the as-of date, or <c>enrollment.census</c> without enrollees.csv.</summary>
    public int Census => _census.Value;

    /// <summary>Staff with a start on or before the as-of date and no end, or an end on or after it.</summary>
    public IReadOnlyList<StaffMember> ActiveStaff => _activeStaff.Value;

    /// <summary>Every enrollee with at least one full enrolled month, in file order.</summary>
    public IReadOnlyList<EnrolleeMonths> EnrolledMonths => _enrolledMonths.Value;

    /// <summary>The count of full enrolled months over all enrollees.</summary>
    public int MemberMonths => EnrolledMonths.Sum(e => e.Months.Count);

    /// <summary>Claims whose month is a full month of the period (rules.md, "Billing").</summary>
    public IReadOnlyList<Claim> ClaimsInPeriod => _claimsInPeriod.Value;

    /// <summary>
    /// The charts under review (rules.md, "Chart review"): the enrollees of chart-sample.csv, or
    /// without it every enrollee with a chart event; by enrollee id. A chart holds the events
    /// dated on or before the as-of date: the snapshot describes that day, so a later event (one
    /// the loader warned about, or any after an earlier <c>--as-of</c>) is not counted.
    /// </summary>
    public IReadOnlyList<ReviewedChart> ReviewedCharts => _reviewedCharts.Value;

    public SnapshotTable<Enrollee> Enrollees => Require(Snapshot.Enrollees, SnapshotParts.Enrollees);

    public ServiceLedger Services => Require(Snapshot.Services, SnapshotParts.Services);

    public SnapshotTable<PcTrackerEntry> PcTracker => Require(Snapshot.PcTracker, SnapshotParts.PcTracker);

    public IEnumerable<StaffMember> ActiveStaffWithRole(string role) =>
        ActiveStaff.Where(s => string.Equals(s.Role, role, StringComparison.OrdinalIgnoreCase));

    private int CountCensus() => Snapshot.Enrollees is { } enrollees
        ? enrollees.Rows.Count(e => e.IsEnrolledOn(AsOf))
        : Snapshot.DeclaredCensus ?? throw new InvalidOperationException("The snapshot has no census.");

    private List<EnrolleeMonths> ListEnrolledMonths()
    {
        var months = Period.FullMonths;
        var result = new List<EnrolleeMonths>();
        foreach (var enrollee in Enrollees.Rows)
        {
            var enrolled = months.Where(enrollee.IsEnrolledThroughout).ToArray();
            if (enrolled.Length > 0)
            {
                result.Add(new EnrolleeMonths(enrollee, enrolled));
            }
        }

        return result;
    }

    private List<ReviewedChart> ListReviewedCharts()
    {
        var events = (Snapshot.ChartEvents?.Rows ?? [])
            .Where(e => e.Date <= AsOf)
            .GroupBy(e => e.EnrolleeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Date).ThenBy(e => e.Source.Line).ToList(), StringComparer.Ordinal);
        var chosen = Snapshot.ChartSample is { } sample
            ? sample.Rows.Select(r => (Id: r.EnrolleeId, r.Source))
            : events.Select(e => (Id: e.Key, e.Value.MinBy(x => x.Source.Line)!.Source));

        // The loader has checked that every sampled or charted enrollee is in enrollees.csv.
        var enrollees = Enrollees.Rows.ToDictionary(e => e.EnrolleeId, StringComparer.Ordinal);
        return [.. chosen
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new ReviewedChart(enrollees[c.Id], c.Source, events.GetValueOrDefault(c.Id) ?? []))];
    }

    private static T Require<T>(T? part, SnapshotParts name)
        where T : class =>
        part ?? throw new InvalidOperationException($"The rule read {name}, which it did not declare it requires.");
}
