using System.Text.Json;
using BhhCompliance.Cli.Tests.Fixtures;
using BhhCompliance.Tests;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BhhCompliance.Cli.Tests;

/// <summary>
/// A chart audit end to end: the chart scores in findings.json, and the chart review in the PDF,
/// Markdown and text reports. The snapshot is the rule test case in which chart-sample.csv picks
/// E1, E3 and E4 (rules/tests/CHART-ASSESSMENT/fail-sample-picks-the-charts).
/// </summary>
public sealed class ChartReviewOutputTests : IDisposable
{
    private static readonly string Case = Path.Join(RepositoryPaths.RuleTests, "CHART-ASSESSMENT", "fail-sample-picks-the-charts");

    private readonly string _out = Directory.CreateTempSubdirectory("bhh-charts-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Audit_ChartAuditJson_ListsTheSampledChartsWithTheirScores()
    {
        var run = Bhh.Run("audit", Case, "--profile", "chart-audit", "--format", "json");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        using var findings = new FindingsDocument(run.Out);
        var charts = findings.Root.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(["E1", "E3", "E4"], charts.Select(c => c.GetProperty("enrollee_id").GetString()));
        Assert.All(charts, c => Assert.Equal(["enrollee_id", "met", "not_met", "score"], FindingsDocument.Keys(c)));

        // Each chart's met and not met add up to the criteria that decided it, and its score is met / (met + not met).
        Assert.All(charts, c =>
        {
            var met = c.GetProperty("met").GetInt32();
            var notMet = c.GetProperty("not_met").GetInt32();
            Assert.Equal(Math.Round(met / (decimal)(met + notMet), 2, MidpointRounding.AwayFromZero), c.GetProperty("score").GetDecimal());
        });
        var e4 = charts[2];
        Assert.Equal(0, e4.GetProperty("met").GetInt32()); // sampled, but no chart event at all
        Assert.Equal("0", e4.GetProperty("score").GetRawText());
        Assert.Equal(JsonValueKind.Number, charts[0].GetProperty("score").ValueKind);
    }

    [Fact]
    public void Audit_ChartAuditPdf_HasTheChartReviewInItsOutline()
    {
        var target = Path.Join(_out, "report.pdf");

        var run = Bhh.Run("audit", Case, "--profile", "chart-audit", "--format", "pdf", "--out", target, "--quiet");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        using var document = PdfReader.Open(target, PdfDocumentOpenMode.Import);
        var sections = document.Outlines.Cast<PdfOutline>().Select(o => o.Title).ToList();
        Assert.Equal(["Summary", "Findings that need attention", "Chart review", "Appendix"], sections.Skip(1));
        Assert.Contains(
            "A. Charts without a timely assessment (CHART-ASSESSMENT)",
            document.Outlines.Cast<PdfOutline>().Last().Outlines.Cast<PdfOutline>().Select(o => o.Title));
    }

    [Fact]
    public void Audit_ChartAuditMarkdownAndText_HaveTheChartReview()
    {
        var markdown = Path.Join(_out, "findings.md");

        var run = Bhh.Run("audit", Case, "--profile", "chart-audit", "--format", "md", "--out", markdown);
        var text = Bhh.Run("audit", Case, "--profile", "chart-audit");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        var lines = File.ReadAllLines(markdown);
        Assert.Contains("## Chart review", lines);
        Assert.Contains(lines, l => l.StartsWith("3 charts were under review: the enrollees sampled in chart-sample.csv.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| CHART-ASSESSMENT | An assessment is completed within 30 days of enrolment | 3 | 2 | 1 | 0 | 66.6% | Fail |", StringComparison.Ordinal));
        Assert.Contains(text.OutLines, l => l.StartsWith("Charts: 3 under review, mean score ", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_CredentialingProfile_HasNoChartReview()
    {
        var run = Bhh.Run("audit", Case, "--profile", "credentialing", "--format", "json");

        using var findings = new FindingsDocument(run.Out);
        Assert.Equal(0, findings.Root.GetProperty("charts").GetArrayLength());
        Assert.DoesNotContain(Bhh.Run("audit", Case, "--profile", "credentialing").OutLines, l => l.StartsWith("Charts:", StringComparison.Ordinal));
    }
}
