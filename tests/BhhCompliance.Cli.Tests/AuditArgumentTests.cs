using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary>Bad arguments end the run with exit code 2, one message on standard error, and no report.</summary>
public sealed class AuditArgumentTests
{
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--frobnicate"], "bhh: Unrecognized command or argument '--frobnicate'." },
        { ["--as-of", "2026-02-30"], "bhh: '2026-02-30' is not a date; write it as YYYY-MM-DD." },
        { ["--as-of", "30/09/2026"], "bhh: '30/09/2026' is not a date; write it as YYYY-MM-DD." },
        { ["--as-of", "0026-09-30"], "bhh: '0026-09-30' must be a date from 1900 to 2199." },
        { ["--format", "xml"], "bhh: Unknown format 'xml'. Formats: json, md, text, pdf." },
        { ["--format", "json", "--format", "md"], "bhh: Only one format can go to standard output; give the others an --out file." },
        { ["--format", "pdf"], "bhh: A PDF cannot go to standard output; give it an --out file." },
        { ["--format", "json", "--format", "md", "--out", "report.md"], "bhh: --out report.md is paired with --format json, but its extension is for md. Each --format goes with the --out in the same position; give them in the same order." },
        { ["--profile", "nope"], "bhh: Unknown profile 'nope'. Profiles: credentialing, chart-audit, self-check." },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Audit_BadArgument_ExitsTwoWithItsMessage(string[] arguments, string message)
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run(["audit", snapshot.Path, .. arguments]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(message, run.ErrorLines[0]);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Audit_ParseError_PointsAtTheHelp()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--as-of", "tomorrow");

        Assert.Equal(["bhh: 'tomorrow' is not a date; write it as YYYY-MM-DD.", "Run 'bhh --help' for usage."], run.ErrorLines);
    }

    [Fact]
    public void Audit_WithoutSnapshot_ExitsTwo()
    {
        var run = Bhh.Run("audit");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("bhh: Required argument missing for command: 'audit'.", run.ErrorLines[0]);
    }

    [Fact]
    public void Audit_PdfToStandardOutput_ExitsTwoAndWritesNothing()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "pdf");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(["bhh: A PDF cannot go to standard output; give it an --out file."], run.ErrorLines);
        Assert.Empty(snapshot.FilesOutsideSnapshot());
    }

    [Fact]
    public void Audit_OutWithAnExtensionOfNoFormat_ExitsTwo()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var target = snapshot.Out("report.xyz");

        var run = Bhh.Run("audit", snapshot.Path, "--out", target);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal([$"bhh: Cannot tell the format of '{target}' from its extension; add --format json, md, text or pdf before it."], run.ErrorLines);
        Assert.Empty(snapshot.FilesOutsideSnapshot());
    }

    [Fact]
    public void Audit_UnknownProfile_WritesNoReport()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--profile", "annual", "--format", "json", "--out", snapshot.Out("findings.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(["bhh: Unknown profile 'annual'. Profiles: credentialing, chart-audit, self-check."], run.ErrorLines);
        Assert.Empty(snapshot.FilesOutsideSnapshot());
    }

    [Fact]
    public void Audit_RulesFolderWithBrokenYaml_ExitsTwoWithTheFileAndLine()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var rules = RuleSetFolders.Write(snapshot.Sibling("rules"), RuleSetFolders.Unreadable);

        var run = Bhh.Run("audit", snapshot.Path, "--rules", rules, "--format", "json", "--out", snapshot.Out("findings.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var syntax = System.Text.RegularExpressions.Regex.Escape(Path.Join(rules, "ruleset.yaml")) + @"\(\d+,\d+\): error BHH1001: The YAML cannot be read: ";
        Assert.Contains(run.ErrorLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^" + syntax));
        Assert.Contains("no report was written", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, run.Out);
        Assert.DoesNotContain(snapshot.FilesOutsideSnapshot(), f => f.StartsWith("out", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_RulesFolderThatDoesNotExist_ExitsTwo()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var rules = snapshot.Sibling("no-rules");

        var run = Bhh.Run("audit", snapshot.Path, "--rules", rules);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"{rules}: error BHH1111: The rule set folder does not exist.", run.ErrorLines[0]);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("bhh: ", StringComparison.Ordinal) && l.Contains("1 error", StringComparison.Ordinal));
        Assert.Contains("no report was written", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, run.Out);
    }
}
