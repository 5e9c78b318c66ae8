using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Tables;

namespace BhhCompliance.Loading.Snapshots;

/// <summary>
/// chart-events.csv, chart-sample.csv and attestations.csv: the chart review's inputs. Chart
/// events may predate the period (a consent signed years ago), so only events after the as-of
/// date, which the review does not count, are warned about.
/// </summary>
internal static class ChartFiles
{
    public static Loaded<SnapshotTable<ChartEvent>> Events(IEnumerable<RowReader> rows, References references, DateOnly? asOf)
    {
        var events = new List<ChartEvent>();
        foreach (var row in rows)
        {
            var enrolleeId = references.Enrollee(row, "enrollee_id", required: true);
            var name = row.Term("event", BhhProgram.ChartEvents, required: true);
            var date = row.Date("date", required: true);
            var detail = row.Text("detail");
            if (date is { } day && asOf is { } last && day > last)
            {
                row.Report(Problems.ChartEventAfterAsOf(row.At("date"), Core.Text.Formats.Date(day), last));
            }

            if (row.IsValid)
            {
                events.Add(new ChartEvent(enrolleeId!, name!, date!.Value, detail, row.Source));
            }
        }

        // Without chart-sample.csv the charts under review are the enrollees with an event the
        // review counts (AuditContext.ReviewedCharts): one dated on or before the as-of date.
        return new(
            new SnapshotTable<ChartEvent>(SnapshotFile.ChartEvents, events),
            events.Where(e => asOf is not { } last || e.Date <= last).Select(e => e.EnrolleeId).ToHashSet(StringComparer.Ordinal));
    }

    public static Loaded<SnapshotTable<ChartSampleEntry>> Sample(IEnumerable<RowReader> rows, References references)
    {
        var sample = new List<ChartSampleEntry>();
        var ids = new UniqueIds("enrollee_id");
        foreach (var row in rows)
        {
            var enrolleeId = references.Enrollee(row, "enrollee_id", required: true);
            ids.Claim(row, enrolleeId);
            if (row.IsValid)
            {
                sample.Add(new ChartSampleEntry(enrolleeId!, row.Source));
            }
        }

        return new(new SnapshotTable<ChartSampleEntry>(SnapshotFile.ChartSample, sample), ids.All);
    }

    /// <summary>
    /// attestations.csv. A blank answer is a chart not answered yet (a worksheet's CSV saved
    /// half filled in): warned about, and left out. With the rule set's chart criteria known,
    /// a criterion must be one reviewers answer; with the charts under review known, an answer
    /// for another chart is warned about and not counted.
    /// </summary>
    public static Loaded<SnapshotTable<Attestation>> Attestations(IEnumerable<RowReader> rows, References references, ChartCriteria? criteria, ChartsUnderReview? charts)
    {
        var attestations = new List<Attestation>();
        var answered = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var enrolleeId = references.Enrollee(row, "enrollee_id", required: true);
            var criterion = row.Text("criterion", required: true)?.ToUpperInvariant();
            if (criterion is not null && !RuleIds.IsValid(criterion))
            {
                row.Report(Problems.NotARuleId(row.At("criterion"), "criterion", criterion));
            }
            else if (criterion is not null && criteria is not null && !criteria.Manual.Contains(criterion))
            {
                row.Report(Problems.NotAManualCriterion(row.At("criterion"), criterion, criteria.Automatic.Contains(criterion), criteria.Manual.Order(StringComparer.Ordinal)));
            }

            var answer = row.Term("answer", BhhProgram.AttestationAnswers);
            var reviewer = row.Text("reviewer");
            var date = row.Date("date");
            var comment = row.Text("comment");
            if (enrolleeId is not null && criterion is not null)
            {
                if (answered.TryGetValue((enrolleeId, criterion), out var first))
                {
                    row.Report(Problems.DuplicateAttestation(row.At("criterion"), enrolleeId, criterion, first));
                }
                else
                {
                    answered.Add((enrolleeId, criterion), row.Line);
                }
            }

            if (!row.IsValid)
            {
                continue;
            }

            if (answer is null)
            {
                row.Report(Problems.NoAnswerYet(row.At("answer"), enrolleeId!, criterion!));
            }
            else if (charts is not null && !charts.Ids.Contains(enrolleeId!))
            {
                row.Report(Problems.AnswerForChartNotUnderReview(row.At("enrollee_id"), enrolleeId!, charts.ListedIn));
            }
            else
            {
                attestations.Add(new Attestation(enrolleeId!, criterion!, answer, reviewer, date, comment, row.Source));
            }
        }

        return new(new SnapshotTable<Attestation>(SnapshotFile.Attestations, attestations));
    }
}

/// <summary>The ids of the charts under review, and the file that lists them (for messages).</summary>
internal sealed record ChartsUnderReview(IReadOnlySet<string> Ids, string ListedIn);
