using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Tables;

namespace BhhCompliance.Loading.Snapshots;

/// <summary>
/// chart-events.csv, chart-sample.csv and attestations.csv: the chart review's inputs. Chart
/// events may predate the period (a consent signed years ago), so their dates are not warned about.
/// </summary>
internal static class ChartFiles
{
    public static Loaded<SnapshotTable<ChartEvent>> Events(IEnumerable<RowReader> rows, References references)
    {
        var events = new List<ChartEvent>();
        foreach (var row in rows)
        {
            var enrolleeId = row.Text("enrollee_id", required: true);
            references.CheckEnrollee(row, "enrollee_id", enrolleeId);
            var name = row.Term("event", BhhProgram.ChartEvents, required: true);
            var date = row.Date("date", required: true);
            var detail = row.Text("detail");
            if (row.IsValid)
            {
                events.Add(new ChartEvent(enrolleeId!, name!, date!.Value, detail, row.Source));
            }
        }

        return new(new SnapshotTable<ChartEvent>(SnapshotFile.ChartEvents, events));
    }

    public static Loaded<SnapshotTable<ChartSampleEntry>> Sample(IEnumerable<RowReader> rows, References references)
    {
        var sample = new List<ChartSampleEntry>();
        var ids = new UniqueIds("enrollee_id");
        foreach (var row in rows)
        {
            var enrolleeId = row.Text("enrollee_id", required: true);
            ids.Claim(row, enrolleeId);
            references.CheckEnrollee(row, "enrollee_id", enrolleeId);
            if (row.IsValid)
            {
                sample.Add(new ChartSampleEntry(enrolleeId!, row.Source));
            }
        }

        return new(new SnapshotTable<ChartSampleEntry>(SnapshotFile.ChartSample, sample), ids.All);
    }

    public static Loaded<SnapshotTable<Attestation>> Attestations(IEnumerable<RowReader> rows, References references)
    {
        var attestations = new List<Attestation>();
        var answered = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var enrolleeId = row.Text("enrollee_id", required: true);
            references.CheckEnrollee(row, "enrollee_id", enrolleeId);
            var criterion = row.Text("criterion", required: true)?.ToUpperInvariant();
            if (criterion is not null && !RuleIds.IsValid(criterion))
            {
                row.Report(Problems.NotARuleId(row.At("criterion"), "criterion", criterion));
            }

            var answer = row.Term("answer", BhhProgram.AttestationAnswers, required: true);
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

            if (row.IsValid)
            {
                attestations.Add(new Attestation(enrolleeId!, criterion!, answer!, reviewer, date, comment, row.Source));
            }
        }

        return new(new SnapshotTable<Attestation>(SnapshotFile.Attestations, attestations));
    }
}
