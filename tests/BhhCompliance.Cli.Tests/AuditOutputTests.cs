using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary>Where an audit writes: <c>--format</c>/<c>--out</c> pairs, standard output, <c>--quiet</c>, and never over the input.</summary>
public sealed class AuditOutputTests
{
    private const string SummaryHeading = "BHH compliance audit: Test Valley Services (LMHA-TV)";

    [Theory]
    [InlineData("staff.csv")]
    [InlineData("agency.yaml")]
    public void Audit_OutNamesASnapshotFile_ExitsTwoAndLeavesItUnchanged(string file)
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var input = snapshot.File(file);
        var before = File.ReadAllBytes(input);

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json", "--out", input);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal([$"bhh: --out {input} would overwrite or add a file of the snapshot; write the report somewhere else."], run.ErrorLines);
        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.False(File.Exists(input + ".partial"));
    }

    [Fact]
    public void Audit_OutNamesASnapshotFileByAnotherPath_IsStillRefused()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var input = snapshot.File("services.csv");
        var before = File.ReadAllBytes(input);
        var roundabout = Path.Join(snapshot.Path, "..", "snapshot", "services.csv");

        var run = Bhh.Run("audit", snapshot.Path, "--format", "md", "--out", roundabout);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Theory]
    [InlineData("claims.csv")]
    [InlineData("PC-TRACKER.CSV")]
    public void Audit_OutNamesASnapshotFileThatDoesNotExistYet_IsRefusedAndNotCreated(string file)
    {
        // A report written as claims.csv would be read as the agency's claims by the next audit.
        using var snapshot = SnapshotBuilder.Clean().Without(SnapshotBuilder.ClaimsFile).Build();
        var target = snapshot.File(file);

        var run = Bhh.Run("audit", snapshot.Path, "--format", "text", "--out", target);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Audit_EmptyOut_IsABadArgument(string path)
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json", "--out", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(["bhh: --out needs a file name."], run.ErrorLines);
    }

    [Fact]
    public void Audit_OutEndingInASeparator_IsAFolder_AndNothingIsCreated()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var folder = snapshot.Out("reports") + Path.DirectorySeparatorChar;

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json", "--out", folder);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("is a folder", run.Error, StringComparison.Ordinal);
        Assert.Empty(snapshot.FilesOutsideSnapshot());
    }

    [Fact]
    public void Audit_OneOutputCannotBeWritten_NoneIsWritten()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        // A file where a folder should be makes the second output impossible to write.
        var blocker = snapshot.Out("blocker");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "not a folder");

        var run = Bhh.Run(
            "audit", snapshot.Path,
            "--format", "json", "--out", snapshot.Out("findings.json"),
            "--format", "md", "--out", Path.Join(blocker, "report.md"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("bhh: Cannot write the reports: ", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(["out/blocker"], snapshot.FilesOutsideSnapshot());
    }

    [Fact]
    public void Audit_SeveralFormatOutPairs_WritesEachFileInItsFormat()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();

        var run = Bhh.Run(
            "audit", snapshot.Path,
            "--format", "json", "--out", snapshot.Out("findings.json"),
            "--format", "md", "--out", snapshot.Out("report.md"),
            "--format", "text", "--out", snapshot.Out("summary.txt"));

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Equal(["out/findings.json", "out/report.md", "out/summary.txt"], snapshot.FilesOutsideSnapshot());
        using (var findings = FindingsDocument.Read(snapshot.Out("findings.json")))
        {
            Assert.Equal("bhh-findings/1", findings.Root.GetProperty("schema").GetString());
        }

        Assert.StartsWith("# " + SummaryHeading + "\n", File.ReadAllText(snapshot.Out("report.md")), StringComparison.Ordinal);
        var summary = File.ReadAllText(snapshot.Out("summary.txt"));
        Assert.StartsWith(SummaryHeading + "\n", summary, StringComparison.Ordinal);
        Assert.Contains("Determination: CONDITIONAL", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_OutWithoutFormat_TakesTheFormatFromTheExtension()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--out", snapshot.Out("findings.json"), "--out", snapshot.Out("report.md"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using (var findings = FindingsDocument.Read(snapshot.Out("findings.json")))
        {
            Assert.Equal("certified", findings.Root.GetProperty("determination").GetString());
        }

        Assert.StartsWith("# " + SummaryHeading, File.ReadAllText(snapshot.Out("report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_OutOnly_StillPrintsTheSummaryAndNamesEachFile()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var json = snapshot.Out("findings.json");
        var markdown = snapshot.Out("report.md");

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json", "--out", json, "--format", "md", "--out", markdown);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Equal(SummaryHeading, run.OutLines[0]);
        Assert.Contains("Determination: CONDITIONAL - a major rule failed; a corrective action plan is required.", run.OutLines);
        Assert.Equal([$"Wrote {json}", $"Wrote {markdown}"], run.OutLines.TakeLast(2));
    }

    [Fact]
    public void Audit_OutWithQuiet_PrintsNothingButWritesTheFile()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--quiet", "--format", "json", "--out", snapshot.Out("findings.json"));

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(string.Empty, run.Error);
        Assert.True(File.Exists(snapshot.Out("findings.json")));
    }

    [Fact]
    public void Audit_FormatWithoutOut_GoesToStdoutInsteadOfTheSummary()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json", "--out", snapshot.Out("findings.json"), "--format", "md");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("# " + SummaryHeading + "\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(run.OutLines, l => l.StartsWith("Wrote ", StringComparison.Ordinal) || l.StartsWith("Determination:", StringComparison.Ordinal));
        Assert.True(File.Exists(snapshot.Out("findings.json")));
    }

    [Fact]
    public void Audit_JsonToStdout_IsTheWholeDocument()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("{\n  \"schema\": \"bhh-findings/1\",", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("}\n", run.Out, StringComparison.Ordinal);
        using var findings = new FindingsDocument(run.Out);
        Assert.Equal(31, findings.Findings.Count);
    }

    [Fact]
    public void Audit_QuietWithoutOut_StillPrintsTheSummary()
    {
        // --quiet silences standard output only when a format is not sent there; the default text is.
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--quiet");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(SummaryHeading, run.OutLines[0]);
    }

    [Fact]
    public void Audit_TextToStdout_HasNoAnsiEscapesWhenNotATerminal()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();

        var run = Bhh.Run("audit", snapshot.Path);

        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains("Needs attention", run.OutLines);
        Assert.All(run.OutLines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Fact]
    public void Audit_MarkdownTwice_IsByteIdentical()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();

        Bhh.Run("audit", snapshot.Path, "--out", snapshot.Out("first.md"));
        Bhh.Run("audit", snapshot.Path, "--out", snapshot.Out("second.md"));

        Assert.Equal(File.ReadAllBytes(snapshot.Out("first.md")), File.ReadAllBytes(snapshot.Out("second.md")));
    }
}
