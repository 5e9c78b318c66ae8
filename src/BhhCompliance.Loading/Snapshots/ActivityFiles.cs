using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;
using BhhCompliance.Loading.Tables;

namespace BhhCompliance.Loading.Snapshots;

/// <summary>services.csv, the PC Tracker and claims.csv: dated records that refer to the rosters.</summary>
internal static class ActivityFiles
{
    public static Loaded<ServiceLedger> Services(IEnumerable<RowReader> rows, References references, ReviewPeriod? period)
    {
        // Without a period (agency.yaml unusable) the rows are still checked; the ledger is discarded.
        var ledger = new ServiceLedgerBuilder(SnapshotFile.Services, period ?? new ReviewPeriod(DateOnly.MinValue, DateOnly.MinValue));
        foreach (var row in rows)
        {
            var enrolleeId = references.Enrollee(row, "enrollee_id", required: true);
            var date = row.Date("date", required: true);
            var service = row.Term("service", BhhProgram.CoreServices, required: true);
            var minutes = row.Decimal("minutes", 1m, 1440m, required: true);
            var procedureCode = row.Pooled("procedure_code");
            var staffId = references.Staff(row, "staff_id");
            var noteId = row.Text("note_id");
            WarnIfOutside(row, "date", date, period, Problems.ServiceOutsidePeriod);

            if (row.IsValid)
            {
                ledger.Add(new ServiceRecord(enrolleeId!, date!.Value, service!, minutes!.Value, procedureCode, staffId, noteId, row.Source));
            }
        }

        return new(ledger.Build());
    }

    public static Loaded<SnapshotTable<PcTrackerEntry>> PcTracker(IEnumerable<RowReader> rows, string fileName, References references, ReviewPeriod? period)
    {
        var entries = new List<PcTrackerEntry>();
        foreach (var row in rows)
        {
            var date = row.Date("date", required: true);
            var consultant = references.Staff(row, "consultant_id", required: true);
            var minutes = row.Decimal("minutes", 1m, 1440m, required: true);
            var activity = row.Term("activity", BhhProgram.PcActivities, required: true);
            var enrolleeId = references.Enrollee(row, "enrollee_id");
            var billed = row.Boolean("billed_to_medicaid") ?? false;
            WarnIfOutside(row, "date", date, period, Problems.OutsidePeriod);

            if (row.IsValid)
            {
                entries.Add(new PcTrackerEntry(date!.Value, consultant!, minutes!.Value, activity!, enrolleeId, billed, row.Source));
            }
        }

        return new(new SnapshotTable<PcTrackerEntry>(fileName, entries));
    }

    public static Loaded<SnapshotTable<Claim>> Claims(IEnumerable<RowReader> rows, References references, ReviewPeriod? period)
    {
        var claims = new List<Claim>();
        var ids = new UniqueIds("claim_id");
        foreach (var row in rows)
        {
            var id = row.Text("claim_id", required: true);
            ids.Claim(row, id);
            var enrolleeId = references.Enrollee(row, "enrollee_id", required: true);
            var month = row.Month("month", required: true);
            var amount = row.Decimal("amount", 0m, 1_000_000m, required: true);
            if (month is { } m && period is { } p && p.IndexOfFullMonth(m) < 0)
            {
                row.Report(Problems.ClaimMonthOutsidePeriod(row.At("month"), m.ToString(), FullMonthsOf(p)));
            }

            if (row.IsValid)
            {
                claims.Add(new Claim(id!, enrolleeId!, month!.Value, amount!.Value, row.Source));
            }
        }

        return new(new SnapshotTable<Claim>(SnapshotFile.Claims, claims), ids.All);
    }

    /// <summary>Warns about each enrollee enrolled during the period with no service dated in it.</summary>
    public static void WarnEnrolleesWithoutServices(
        IEnumerable<Enrollee> enrollees,
        ServiceLedger services,
        ReviewPeriod period,
        Core.Diagnostics.DiagnosticBag diagnostics)
    {
        foreach (var enrollee in enrollees)
        {
            if (enrollee.IsEnrolledDuring(period) && !services.HasServiceInPeriod(enrollee.EnrolleeId))
            {
                diagnostics.Add(Problems.EnrolleeWithoutServices(
                    new SourceLocation(enrollee.Source.File, enrollee.Source.Line, 1),
                    enrollee.EnrolleeId));
            }
        }
    }

    private static void WarnIfOutside(RowReader row, string column, DateOnly? date, ReviewPeriod? period, Func<SourceLocation, string, string, Diagnostic> problem)
    {
        if (date is { } d && period is { } p && !p.Contains(d))
        {
            row.Report(problem(row.At(column), Formats.Date(d), p.ToString()));
        }
    }

    private static string FullMonthsOf(ReviewPeriod period) => period.FullMonths.Count == 0
        ? $"{period} (which has no full month)"
        : $"{period} (full months {period.FullMonths[0]} to {period.FullMonths[^1]})";
}
