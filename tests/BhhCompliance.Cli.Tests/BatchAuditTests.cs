using System.Text.Json;
using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary>
/// <c>bhh audit</c> on a folder of snapshot folders: every agency audited, each one's reports in
/// its own folder, the statewide summary beside them, and bad input in one agency reported for
/// that agency without stopping the others.
/// </summary>
public sealed class BatchAuditTests : IDisposable
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "bhh-batch-tests-" + Guid.NewGuid().ToString("N"));

    public BatchAuditTests() => Directory.CreateDirectory(_root);

    private string State => Path.Join(_root, "state");

    private string Output => Path.Join(_root, "out");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Batch_CleanAgencies_AuditsEachAndWritesTheSummary()
    {
        AddAgency("a-clean", SnapshotBuilder.Clean());
        AddAgency("b-clean", SnapshotBuilder.Clean());

        var run = Bhh.Run("audit", State, "--out-dir", Output);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            [
                "a-clean/findings.json", "a-clean/report.pdf",
                "b-clean/findings.json", "b-clean/report.pdf",
                "statewide.json", "statewide.md", "statewide.pdf", "statewide.txt",
            ],
            OutputFiles());
        Assert.Contains(run.OutLines, l => l.StartsWith("a-clean", StringComparison.Ordinal) && l.Contains("CERTIFIED", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("Wrote 2 agencies' reports", StringComparison.Ordinal));
    }

    [Fact]
    public void Batch_OneAgencyWithBadInput_AuditsTheOthersAndExitsTwo()
    {
        AddAgency("a-failing", SnapshotBuilder.WithFailures());
        AddAgency("b-broken", SnapshotBuilder.BadInput());
        AddAgency("c-clean", SnapshotBuilder.Clean());

        var run = Bhh.Run("audit", State, "--out-dir", Output, "--format", "json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.True(File.Exists(Path.Join(Output, "a-failing", "findings.json")));
        Assert.True(File.Exists(Path.Join(Output, "c-clean", "findings.json")));
        Assert.False(File.Exists(Path.Join(Output, "b-broken", "findings.json")));

        // Every problem of the broken agency is kept, with its file and line; standard error names it.
        var diagnostics = File.ReadAllLines(Path.Join(Output, "b-broken", BatchAuditRunner.DiagnosticsFile));
        Assert.Equal(3, diagnostics.Count(l => l.Contains(": error BHH", StringComparison.Ordinal)));
        Assert.Contains(diagnostics, l => l.Contains("services.csv(3,", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("bhh: b-broken: the snapshot has 3 errors", StringComparison.Ordinal));

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Join(Output, "statewide.json")));
        var agencies = summary.RootElement.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal(["a-failing", "b-broken", "c-clean"], agencies.Select(a => a.GetProperty("folder").GetString()));
        Assert.Equal(["audited", "bad-input", "audited"], agencies.Select(a => a.GetProperty("status").GetString()));
        Assert.Equal("conditional", agencies[0].GetProperty("determination").GetString());
        Assert.Equal(3, agencies[1].GetProperty("input").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Batch_AgencyNotAudited_TheClosingLineCountsOnlyTheReportsWritten()
    {
        AddAgency("a-clean", SnapshotBuilder.Clean());
        AddAgency("b-broken", SnapshotBuilder.BadInput());
        AddAgency("c-clean", SnapshotBuilder.Clean());

        var run = Bhh.Run("audit", State, "--out-dir", Output);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(2, OutputFiles().Count(f => f.EndsWith("/report.pdf", StringComparison.Ordinal)));
        Assert.Equal(
            $"Wrote 2 of 3 agencies' reports and the statewide summary (statewide.txt, .md, .json, .pdf) to {Output}",
            run.OutLines.Last(l => l.Length > 0));

        // The summary names the agency that was not audited by its folder in every form, as no agency.yaml of it was read.
        Assert.Contains("| b-broken | b-broken | **BAD INPUT** |", File.ReadAllText(Path.Join(Output, "statewide.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_OneAgency_TheClosingLineSaysAgencysReports()
    {
        AddAgency("a-clean", SnapshotBuilder.Clean());

        var run = Bhh.Run("audit", State, "--batch", "--out-dir", Output, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal($"Wrote 1 agency's reports and the statewide summary (statewide.txt, .md, .json, .pdf) to {Output}", run.OutLines.Last(l => l.Length > 0));
    }

    [Fact]
    public void Batch_NoAgencyAudited_TheClosingLineSaysNoReportsWereWritten()
    {
        AddAgency("a-broken", SnapshotBuilder.BadInput());
        AddAgency("b-broken", SnapshotBuilder.BadInput());

        var run = Bhh.Run("audit", State, "--out-dir", Output, "--format", "json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.DoesNotContain(OutputFiles(), f => f.EndsWith("/findings.json", StringComparison.Ordinal));
        Assert.Equal($"Wrote no agency's reports, only the statewide summary (statewide.txt, .md, .json, .pdf), to {Output}", run.OutLines.Last(l => l.Length > 0));
    }

    [Fact]
    public void Batch_ProfileWithoutClaimRules_SummaryHasNoClaimsAtRiskRatherThanZero()
    {
        AddAgency("a", SnapshotBuilder.WithFailures());
        AddAgency("b", SnapshotBuilder.Clean());

        var run = Bhh.Run("audit", State, "--out-dir", Output, "--format", "json", "--profile", "credentialing", "-q");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Join(Output, "statewide.json")));
        var totals = summary.RootElement.GetProperty("totals");
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("claims_at_risk").ValueKind);
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("amount_at_risk").ValueKind);
        Assert.All(summary.RootElement.GetProperty("agencies").EnumerateArray(), agency =>
        {
            var metrics = agency.GetProperty("metrics");
            Assert.Equal(JsonValueKind.Null, metrics.GetProperty("claims_at_risk").ValueKind);
            Assert.Equal(JsonValueKind.Null, metrics.GetProperty("amount_at_risk").ValueKind);
        });
        var text = File.ReadAllText(Path.Join(Output, "statewide.txt"));
        Assert.Contains("  Claims at risk:          not reported by any agency audited\n", text, StringComparison.Ordinal);
        Assert.Contains("  Amount at risk:          not reported by any agency audited\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_FailingAgency_ExitsOneAndCarriesItsKeyFigures()
    {
        AddAgency("a-failing", SnapshotBuilder.WithFailures().ReviewType("self-check"));

        var run = Bhh.Run("audit", State, "--batch", "--out-dir", Output, "--format", "json", "-q");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Join(Output, "statewide.json")));
        var metrics = summary.RootElement.GetProperty("agencies")[0].GetProperty("metrics");

        // The duplicate claim C-DUP (250.00) and E01's April claim with no documented service.
        Assert.Equal(2, metrics.GetProperty("claims_at_risk").GetInt32());
        Assert.True(metrics.GetProperty("staffing_gap_fte").GetDecimal() > 0);
        Assert.Contains("STAFF-NURSE-RATIO", metrics.GetProperty("roles_short").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Batch_ProfileOverride_AppliesToEveryAgency()
    {
        AddAgency("a", SnapshotBuilder.Clean());
        AddAgency("b", SnapshotBuilder.Clean().ReviewType("chart-audit"));

        var run = Bhh.Run("audit", State, "--out-dir", Output, "--format", "json", "--profile", "credentialing", "-q");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var agency in new[] { "a", "b" })
        {
            using var findings = JsonDocument.Parse(File.ReadAllBytes(Path.Join(Output, agency, "findings.json")));
            Assert.Equal("credentialing", findings.RootElement.GetProperty("profile").GetString());
        }
    }

    [Fact]
    public void Batch_SameInput_GivesTheSameSummaryBytesWhateverTheParallelism()
    {
        AddAgency("a", SnapshotBuilder.WithFailures());
        AddAgency("b", SnapshotBuilder.Clean());
        AddAgency("c", SnapshotBuilder.BadInput());

        var parallelOutput = Path.Join(_root, "out-parallel");

        var serial = Bhh.Run("audit", State, "--out-dir", Output, "--format", "json", "--jobs", "1", "-q");
        var parallel = Bhh.Run("audit", State, "--out-dir", parallelOutput, "--format", "json", "--jobs", "3", "-q");

        Assert.Equal(ExitCodes.BadInput, serial.ExitCode);
        Assert.Equal(ExitCodes.BadInput, parallel.ExitCode);
        foreach (var file in new[] { "statewide.json", "statewide.pdf", "statewide.md", "statewide.txt", "a/findings.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Join(Output, file)), File.ReadAllBytes(Path.Join(parallelOutput, file)));
        }
    }

    [Fact]
    public void Batch_OutputInsideTheSnapshots_IsRefusedBeforeAnythingIsWritten()
    {
        AddAgency("a", SnapshotBuilder.Clean());

        var run = Bhh.Run("audit", State, "--out-dir", Path.Join(State, "results"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("inside the folder of snapshots", run.Error, StringComparison.Ordinal);
        Assert.Equal(["a"], Directory.EnumerateDirectories(State).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--out", "x.json", "--out names a single file")]
    [InlineData("--waivers", "w.yaml", "Waivers belong to one agency")]
    [InlineData("--format", "docx", "Unknown format 'docx'")]
    [InlineData("--jobs", "0", "--jobs must be 1 or more")]
    public void Batch_OptionsThatDoNotFit_AreRefused(string option, string value, string message)
    {
        AddAgency("a", SnapshotBuilder.Clean());

        var run = Bhh.Run("audit", State, "--out-dir", Output, option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void Batch_FolderWithoutSnapshots_IsBadInput()
    {
        Directory.CreateDirectory(State);

        var run = Bhh.Run("audit", State, "--batch", "--out-dir", Output);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("holds no snapshot folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_SubfolderWithoutAgencyYaml_IsReportedNotSkipped()
    {
        AddAgency("a", SnapshotBuilder.Clean());
        AddAgency("b-no-agency", SnapshotBuilder.Clean().WithoutAgency());

        var run = Bhh.Run("audit", State, "--out-dir", Output, "--format", "json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("bhh: b-no-agency: the snapshot has", StringComparison.Ordinal));
        Assert.Contains("b-no-agency", File.ReadAllText(Path.Join(Output, "statewide.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void SingleSnapshot_WithBatchOptions_IsRefused()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--out-dir", Output);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--out-dir and --jobs are for batch audits", run.Error, StringComparison.Ordinal);
    }

    private void AddAgency(string name, SnapshotBuilder builder)
    {
        using var snapshot = builder.Build();
        RuleSetFolders.CopyFolder(snapshot.Path, Path.Join(State, name));
    }

    private List<string> OutputFiles() =>
    [
        .. Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];
}
