using System.IO.Compression;
using System.Text;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Snapshots;

namespace BhhCompliance.Loading.Tests.Tables;

/// <summary>The PC Tracker as a workbook (snapshot.md: pc-tracker.xlsx, first worksheet, same columns as the CSV).</summary>
public sealed class XlsxTableTests
{
    private static readonly object?[] Header = ["date", "consultant_id", "minutes", "activity", "enrollee_id", "billed_to_medicaid"];

    [Fact]
    public void Load_PcTrackerWorkbook_LoadsTheSameEntriesAsTheSameDataInCsv()
    {
        using var csvFolder = Snapshot();
        csvFolder.Write("pc-tracker.csv", """
            date,consultant_id,minutes,activity,enrollee_id,billed_to_medicaid
            2026-04-14,S3,30,case-review,E1,no
            2026-05-05,S3,45.5,staff-education,,yes
            2026-06-02,S3,60,consultation,E1,

            """);
        using var xlsxFolder = Snapshot();
        Workbook.Write(
            Path.Join(xlsxFolder.Path, "pc-tracker.xlsx"),
            Header,
            ["2026-04-14", "S3", 30, "case-review", "E1", "no"],
            ["2026-05-05", "S3", 45.5m, "staff-education", null, true],
            ["2026-06-02", "S3", 60, "consultation", "E1"]);

        var fromCsv = new SnapshotLoader().Load(csvFolder.Path);
        var fromXlsx = new SnapshotLoader().Load(xlsxFolder.Path);

        Assert.Empty(fromCsv.Diagnostics);
        Assert.Empty(fromXlsx.Diagnostics);
        var csvEntries = Entries(fromCsv.Snapshot!.PcTracker!);
        Assert.Equal(3, csvEntries.Count);
        Assert.Equal(csvEntries, Entries(fromXlsx.Snapshot!.PcTracker!));
        Assert.Equal("pc-tracker.xlsx", fromXlsx.Snapshot.PcTracker!.FileName);
        Assert.All(fromXlsx.Snapshot.PcTracker.Rows, e => Assert.Equal("pc-tracker.xlsx", e.Source.File));
    }

    [Fact]
    public void Load_BadValuesInWorkbook_AreReportedWithTheirRowNumbers()
    {
        using var folder = Snapshot();
        Workbook.Write(
            Path.Join(folder.Path, "pc-tracker.xlsx"),
            [
                (1, Header),
                (2, ["2026-04-14", "S3", 30, "case-review", "E1", "no"]),

                // Row 3 is absent from the sheet, as when a row was cleared: later rows keep their numbers.
                (4, ["2026-04-21", "S3", "ninety", "case-review", "E1", "no"]),
                (5, ["2026-04-28", "S3", 30, "lunch", "E1", "no"]),
            ]);

        var result = new SnapshotLoader().Load(folder.Path);

        Assert.Equal(
            [
                "pc-tracker.xlsx(4,3): error BHH2102: 'minutes' must be a number, got 'ninety'.",
                "pc-tracker.xlsx(5,4): error BHH2108: 'lunch' in 'activity' is not a known PC Tracker activity. Known: case-review, consultation, staff-education, care-plan, other.",
            ],
            result.Diagnostics.Select(d => d.ToString()));
        Assert.Null(result.Snapshot);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("zip")]
    public void Load_PcTrackerXlsxThatIsNotAWorkbook_ReportsTheFileUnreadable(string content)
    {
        using var folder = Snapshot();
        var path = Path.Join(folder.Path, "pc-tracker.xlsx");
        if (content == "text")
        {
            // A CSV export saved under the workbook's name.
            File.WriteAllText(path, "date,consultant_id,minutes,activity\n2026-04-14,S3,30,case-review\n");
        }
        else
        {
            // A zip archive, like a workbook, but without any of a workbook's parts.
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            using var entry = zip.CreateEntry("notes.txt").Open();
            entry.Write(Encoding.UTF8.GetBytes("not a spreadsheet"));
        }

        var result = new SnapshotLoader().Load(folder.Path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("BHH2009", true, "pc-tracker.xlsx", 0), (diagnostic.Code, diagnostic.IsError, diagnostic.Location.File, diagnostic.Location.Line));
        Assert.StartsWith("The file cannot be read: it is not an Excel workbook (.xlsx)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public void Load_TruncatedWorkbook_ReportsTheFileUnreadable_NotAnInternalError()
    {
        using var folder = Snapshot();
        var path = Path.Join(folder.Path, "pc-tracker.xlsx");
        Workbook.Write(path, Header, ["2026-04-14", "S3", 30, "case-review", "E1", "no"]);

        // Cut the worksheet's XML in half, as a failed copy or download would.
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(sheet.Open()))
            {
                xml = reader.ReadToEnd();
            }

            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml[..(xml.Length / 2)]);
        }

        var result = new SnapshotLoader().Load(folder.Path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("BHH2009", "pc-tracker.xlsx"), (diagnostic.Code, diagnostic.Location.File));
        Assert.Null(result.Snapshot);
    }

    private static TemporaryFolder Snapshot()
    {
        var folder = TemporaryFolder.WithAgency();
        folder.Write("staff.csv", "staff_id,name,role,fte,start_date\nS3,Cy Diaz,pc-consultant,0.2,2023-02-01\n");
        folder.Write("enrollees.csv", "enrollee_id,enrolled_on,disenrolled_on\nE1,2025-11-03,\n");
        return folder;
    }

    private static List<(DateOnly, string, decimal, string, string?, bool, int)> Entries(SnapshotTable<PcTrackerEntry> table) =>
        [.. table.Rows.Select(e => (e.Date, e.ConsultantId, e.Minutes, e.Activity, e.EnrolleeId, e.BilledToMedicaid, e.Source.Line))];
}
