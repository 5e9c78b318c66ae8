using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Core.Charts;

/// <summary>What one chart criterion concluded for one chart (rules.md, "Chart review").</summary>
public enum ChartVerdict
{
    Met,
    NotMet,
    NotApplicable,

    /// <summary>A manual criterion nobody answered for this chart.</summary>
    NotReviewed,
}

/// <summary>
/// One criterion's result for one chart, with the reason in words (the event found, missing or
/// late) and the line it rests on. Per-chart results are not findings; they make the chart scores.
/// </summary>
public sealed record ChartCheck(string EnrolleeId, ChartVerdict Verdict, string Reason, SourceLine Source)
{
    /// <summary>For a date-bound criterion not met: the day the event was due.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>For an event that came after it was due: by how many days.</summary>
    public int? DaysLate { get; init; }

    /// <summary>For a manual criterion: the reviewer's answer.</summary>
    public Attestation? Attestation { get; init; }
}

/// <summary>
/// A chart under review: the enrollee, the line that put the chart under review (its row in
/// chart-sample.csv, else its first chart event) and its events, oldest first.
/// </summary>
public sealed record ReviewedChart(Enrollee Enrollee, SourceLine Source, IReadOnlyList<ChartEvent> Events)
{
    public string EnrolleeId => Enrollee.EnrolleeId;

    /// <summary>The chart's events with one of <paramref name="names"/>, oldest first.</summary>
    public IEnumerable<ChartEvent> EventsNamed(IReadOnlyCollection<string> names) =>
        Events.Where(e => names.Contains(e.Event, StringComparer.OrdinalIgnoreCase));
}

/// <summary>One chart's score: met / (met + not met) over the criteria that applied to it.</summary>
public sealed record ChartScore(string EnrolleeId, int Met, int NotMet, IReadOnlyList<string> NotMetCriteria)
{
    /// <summary>Null when no criterion applied to the chart (every result not applicable or not reviewed).</summary>
    public decimal? Score => Met + NotMet == 0 ? null : Met / (decimal)(Met + NotMet);

    /// <summary>The score per chart over every chart criterion among <paramref name="findings"/>, by enrollee id.</summary>
    public static IReadOnlyList<ChartScore> From(IEnumerable<Finding> findings)
    {
        var tallies = new SortedDictionary<string, (int Met, int NotMet, List<string> Criteria)>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            foreach (var check in finding.Charts)
            {
                var tally = tallies.TryGetValue(check.EnrolleeId, out var t) ? t : (Met: 0, NotMet: 0, Criteria: new List<string>());
                switch (check.Verdict)
                {
                    case ChartVerdict.Met:
                        tally.Met++;
                        break;
                    case ChartVerdict.NotMet:
                        tally.NotMet++;
                        tally.Criteria.Add(finding.RuleId);
                        break;
                }

                tallies[check.EnrolleeId] = tally;
            }
        }

        return [.. tallies.Select(t => new ChartScore(t.Key, t.Value.Met, t.Value.NotMet, t.Value.Criteria))];
    }
}

/// <summary>The contract's spellings of chart verdicts, as attestations.csv answers them.</summary>
public static class ChartVerdicts
{
    public static string Name(this ChartVerdict verdict) => verdict switch
    {
        ChartVerdict.Met => "met",
        ChartVerdict.NotMet => "not-met",
        ChartVerdict.NotApplicable => "not-applicable",
        ChartVerdict.NotReviewed => "not-reviewed",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>An attestations.csv answer (already checked against the vocabulary when loaded).</summary>
    public static ChartVerdict FromAnswer(string answer) => answer.Trim().ToLowerInvariant() switch
    {
        "met" => ChartVerdict.Met,
        "not-met" => ChartVerdict.NotMet,
        "not-applicable" => ChartVerdict.NotApplicable,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Not an attestation answer."),
    };

    /// <summary>"4 days" / "1 day".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
