using BhhCompliance.Cli.Tests.Fixtures;
using BhhCompliance.Tests;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BhhCompliance.Cli.Tests;

/// <summary><c>bhh worksheet</c>, end to end, on copies of the chart rule test cases.</summary>
public sealed class WorksheetCommandTests
{
    /// <summary>E1 to E4 in chart-sample.csv; E1 to E3 already answered in attestations.csv.</summary>
    private const string Answered = "CHART-PERSON-CENTERED/pass-unanswered-chart-left-out";

    /// <summary>No chart-sample.csv; E2, E7 and E8 have chart events.</summary>
    private const string FromEvents = "CHART-DISCHARGE-FOLLOW-UP/fail-eight-days-or-missing";

    [Fact]
    public void Worksheet_SampledCharts_WritesThePdfAndTheAnswersCsvBesideIt()
    {
        using var folder = Case(Answered);
        var before = SnapshotFiles(folder);

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.pdf"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal([Path.Join("out", "worksheet.csv"), Path.Join("out", "worksheet.pdf")], folder.FilesOutsideSnapshot());
        Assert.Equal(before, SnapshotFiles(folder));
        using (var document = PdfReader.Open(folder.Out("worksheet.pdf"), PdfDocumentOpenMode.Import))
        {
            Assert.Equal(5, document.PageCount);
            Assert.Equal("Chart review worksheet", document.Info.Title);
        }

        Assert.Equal(
            "enrollee_id,criterion,answer,reviewer,date,comment\n" +
            "E1,CHART-PERSON-CENTERED,met,R. Diaz,2026-10-05,\nE2,CHART-PERSON-CENTERED,met,R. Diaz,2026-10-05,\n" +
            "E3,CHART-PERSON-CENTERED,not-applicable,R. Diaz,2026-10-05,no plan yet\nE4,CHART-PERSON-CENTERED,,,,\n",
            File.ReadAllText(folder.Out("worksheet.csv")));
        Assert.Equal(
            [
                $"Wrote {folder.Out("worksheet.pdf")}: 5 pages, a first page and one for each of the 4 charts under review.",
                $"Wrote {folder.Out("worksheet.csv")}: 4 rows to answer. Save it as attestations.csv in the snapshot folder when it is filled in.",
                "The 3 answers already in the snapshot's attestations.csv are filled in on their rows.",
            ],
            run.OutLines);
    }

    [Fact]
    public void Worksheet_NoSample_HasAPagePerChartedEnrollee()
    {
        using var folder = Case(FromEvents);

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.pdf"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(run.Error);
        using var document = PdfReader.Open(folder.Out("worksheet.pdf"), PdfDocumentOpenMode.Import);
        Assert.Equal(4, document.PageCount);
        Assert.Equal(["About this worksheet", "Chart E2", "Chart E7", "Chart E8"], document.Outlines.Cast<PdfOutline>().Select(o => o.Title));
    }

    [Fact]
    public void Worksheet_SameInputTwice_WritesTheSameBytes()
    {
        using var folder = Case(Answered);

        // The same file name in two folders: the PDF names its answers file, but never a folder.
        Bhh.Run("worksheet", folder.Path, "--out", folder.Out(Path.Join("first", "worksheet.pdf")));
        Bhh.Run("worksheet", folder.Path, "--out", folder.Out(Path.Join("second", "worksheet.pdf")));

        Assert.Equal(File.ReadAllBytes(folder.Out(Path.Join("first", "worksheet.pdf"))), File.ReadAllBytes(folder.Out(Path.Join("second", "worksheet.pdf"))));
        Assert.Equal(File.ReadAllBytes(folder.Out(Path.Join("first", "worksheet.csv"))), File.ReadAllBytes(folder.Out(Path.Join("second", "worksheet.csv"))));
    }

    [Fact]
    public void Worksheet_AnswersTypedIntoAnEarlierCsv_AreNotOverwritten()
    {
        using var folder = Case(Answered);
        var pdf = folder.Out("worksheet.pdf");
        var csv = folder.Out("worksheet.csv");
        Assert.Equal(ExitCodes.Success, Bhh.Run("worksheet", folder.Path, "--out", pdf).ExitCode);
        var typed = File.ReadAllText(csv).Replace("E4,CHART-PERSON-CENTERED,,,,", "E4,CHART-PERSON-CENTERED,met,R. Diaz,2026-10-06,typed at the visit", StringComparison.Ordinal);
        File.WriteAllText(csv, typed);
        File.Delete(pdf);

        var run = Bhh.Run("worksheet", folder.Path, "--out", pdf);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            [$"bhh: {csv} already exists and differs from the answers file this worksheet would write; answers typed into it would be lost. Save it as attestations.csv in the snapshot folder, move it away, or choose another --out. No worksheet was written."],
            run.ErrorLines);
        Assert.Equal(typed, File.ReadAllText(csv));
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void Worksheet_RunAgainOnAnUntouchedCsv_ReplacesBothFiles()
    {
        using var folder = Case(Answered);
        Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.pdf"));
        File.Delete(folder.Out("worksheet.pdf"));

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.pdf"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(folder.Out("worksheet.pdf")));
    }

    [Fact]
    public void Worksheet_AsOf_EvaluatesOnThatDate()
    {
        using var folder = Case(Answered);

        Bhh.Run("worksheet", folder.Path, "--out", folder.Out("default.pdf"));
        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("earlier.pdf"), "--as-of", "2026-06-30");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.NotEqual(File.ReadAllBytes(folder.Out("default.pdf")), File.ReadAllBytes(folder.Out("earlier.pdf")));
        using var document = PdfReader.Open(folder.Out("earlier.pdf"), PdfDocumentOpenMode.Import);
        Assert.Equal(new DateTime(2026, 6, 30), document.Info.CreationDate.ToUniversalTime().Date);
    }

    [Fact]
    public void Worksheet_NoChartFiles_ExitsTwoAndSaysToDrawASampleFirst()
    {
        using var folder = SnapshotBuilder.Clean().Without(SnapshotBuilder.ChartEventsFile).Without(SnapshotBuilder.AttestationsFile).Build();

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.pdf"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("the snapshot has neither chart-sample.csv nor chart-events.csv", run.Error, StringComparison.Ordinal);
        Assert.Contains("bhh sample", run.Error, StringComparison.Ordinal);
        Assert.Empty(folder.FilesOutsideSnapshot());
    }

    [Fact]
    public void Worksheet_EmptySample_ExitsTwo()
    {
        using var folder = Case(Answered);
        File.WriteAllText(folder.File("chart-sample.csv"), "enrollee_id\n");
        File.Delete(folder.File("attestations.csv"));

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.pdf"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("No chart is under review: chart-sample.csv lists no enrollee", run.Error, StringComparison.Ordinal);
        Assert.Empty(folder.FilesOutsideSnapshot());
    }

    [Fact]
    public void Worksheet_NoEnrollees_ExitsTwo()
    {
        using var folder = Case(FromEvents);
        File.Delete(folder.File("enrollees.csv"));

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.pdf"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("enrollees.csv", run.Error, StringComparison.Ordinal);
        Assert.Empty(folder.FilesOutsideSnapshot());
    }

    [Fact]
    public void Worksheet_SnapshotError_PrintsTheDiagnosticAndExitsTwo()
    {
        using var folder = Case(Answered);
        File.AppendAllText(folder.File("chart-sample.csv"), "E9\n");

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.pdf"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("chart-sample.csv(6", StringComparison.Ordinal) && l.Contains("error", StringComparison.Ordinal));
        Assert.Empty(folder.FilesOutsideSnapshot());
    }

    [Fact]
    public void Worksheet_AnswersFileWouldBeTheSnapshotsAttestations_IsRefused()
    {
        using var folder = Case(Answered);
        var attestations = File.ReadAllBytes(folder.File("attestations.csv"));

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.File("attestations.pdf"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("would overwrite or add a file of the snapshot", run.Error, StringComparison.Ordinal);
        Assert.Equal(attestations, File.ReadAllBytes(folder.File("attestations.csv")));
        Assert.False(File.Exists(folder.File("attestations.pdf")));
    }

    [Fact]
    public void Worksheet_OutEndingInCsv_IsRefused()
    {
        using var folder = Case(Answered);

        var run = Bhh.Run("worksheet", folder.Path, "--out", folder.Out("worksheet.csv"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("name the PDF .pdf", run.Error, StringComparison.Ordinal);
        Assert.Empty(folder.FilesOutsideSnapshot());
    }

    [Fact]
    public void Worksheet_WithoutOut_IsAParseError()
    {
        using var folder = Case(Answered);

        var run = Bhh.Run("worksheet", folder.Path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A copy of a rule test case's snapshot (without its expect.yaml) in a fresh folder.</summary>
    private static SnapshotFolder Case(string name)
    {
        var folder = new SnapshotFolder();
        Directory.CreateDirectory(folder.Path);
        foreach (var file in Directory.EnumerateFiles(Path.Join(RepositoryPaths.RuleTests, name)).Where(f => Path.GetFileName(f) != "expect.yaml"))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        return folder;
    }

    private static List<(string Name, string Text)> SnapshotFiles(SnapshotFolder folder) =>
    [
        .. Directory.EnumerateFiles(folder.Path).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))),
    ];
}
