using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;
using BhhCompliance.Reporting.Tests.Fixtures;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>The PDF report's chart review: its model, its pages and the appendix tables of charts not met.</summary>
public sealed class ChartSectionTests
{
    private const string Kicker = "Connecticut Medicaid Behavioral Health Homes";

    private static readonly string[] ScoreHeader = ["Enrollee", "Met", "Not met", "Score", "Criteria not met"];

    [Fact]
    public void Build_NoChartCriterionRan_HasNoChartSection()
    {
        var document = Build(Results.Credentialing());

        Assert.Null(document.Charts);
        Assert.Equal(0m, document.Values.Model["charts"]);
    }

    [Fact]
    public void Build_ChartAudit_HasALinePerCriterionInTheRuleSetsOrder()
    {
        var charts = Build(Results.ChartAudit()).Charts!;

        Assert.Equal(
            [
                new ChartCriterionRow("CHART-ASSESSMENT", "An assessment is completed within 30 days of enrolment", "4", "2", "2", "0", "50%", Outcome.Fail),
                new ChartCriterionRow("CHART-DISCHARGE-FOLLOW-UP", "Follow-up within 7 days of an inpatient discharge", "0", "0", "0", "0", "n/a", Outcome.NotApplicable),
                new ChartCriterionRow("CHART-REFERRAL-CONFIRMED", "Referrals are confirmed within 30 days", "5", "4", "1", "0", "80%", Outcome.Pass),
                new ChartCriterionRow("CHART-PERSON-CENTERED", "The recovery plan was developed with the individual", "2", "1", "1", "4", "50%", Outcome.Fail),
            ],
            charts.Criteria);
    }

    [Fact]
    public void Build_ChartAudit_HasAScoreRowPerChartByEnrolleeId()
    {
        var charts = Build(Results.ChartAudit()).Charts!;

        Assert.Equal(
            [
                new ChartScoreRow("E01", "3", "0", "100%", string.Empty),
                new ChartScoreRow("E02", "1", "2", "33.3%", "CHART-ASSESSMENT, CHART-PERSON-CENTERED"),
                new ChartScoreRow("E03", "2", "0", "100%", string.Empty),
                new ChartScoreRow("E04", "1", "1", "50%", "CHART-ASSESSMENT"),
                new ChartScoreRow("E05", "0", "1", "0%", "CHART-REFERRAL-CONFIRMED"),
                new ChartScoreRow("E06", "0", "0", "n/a", string.Empty),
            ],
            charts.Scores);
    }

    [Fact]
    public void Build_ChartAudit_NotesSayHowManyChartsWhereFromAndTheMeanScore()
    {
        var charts = Build(Results.ChartAudit(sampled: true)).Charts!;

        Assert.Equal(
            "6 charts were under review: the enrollees sampled in chart-sample.csv. Each chart criterion decides every chart: met, "
            + "not met, not applicable, or, for a criterion a reviewer answers, not reviewed.",
            charts.Intro);
        Assert.Equal("Charts counts the charts a criterion applied to; its rate is the share of them that met it.", charts.CriteriaNote);
        Assert.Equal(
            "A chart's score is the share of the criteria that applied to it that it met. The mean score is 56.6%; 2 of 5 charts met "
            + "every criterion that applied. Why a chart missed a criterion is listed in the appendix, chart by chart.",
            charts.ScoresNote);
    }

    [Fact]
    public void Build_ChartsNotKnownToBeSampled_IntroNamesNoSource()
    {
        var charts = Build(Results.ChartAudit(sampled: false)).Charts!;

        Assert.StartsWith("6 charts were under review. Each chart criterion", charts.Intro, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OneChartWithoutAScore_SaysSoWithoutAMean()
    {
        var result = Results.Of(Results.ChartFinding(
            "CHART-DISCHARGE-FOLLOW-UP",
            Outcome.NotApplicable,
            "Follow-up within 7 days of an inpatient discharge",
            [new ChartCheck("E01", ChartVerdict.NotApplicable, "no inpatient discharge dated in the period", new SourceLine("chart-events.csv", 2))]));

        var charts = Build(result).Charts!;

        Assert.StartsWith("1 chart was under review.", charts.Intro, StringComparison.Ordinal);
        Assert.Equal(
            "A chart's score is the share of the criteria that applied to it that it met. Why a chart missed a criterion is listed in the appendix, chart by chart.",
            charts.ScoresNote);
        Assert.Equal(new ChartScoreRow("E01", "0", "0", "n/a", string.Empty), Assert.Single(charts.Scores));
    }

    [Fact]
    public void Build_ChartAudit_AppendixListsTheChartsNotMetOfFailedCriteriaThenOfPassedOnes()
    {
        var document = Build(Results.ChartAudit());

        Assert.Equal(
            [
                "A. Charts without a timely assessment (CHART-ASSESSMENT)",
                "B. Charts whose recovery plan was not developed with the individual (CHART-PERSON-CENTERED)",
                "C. Charts with a referral not confirmed in time (CHART-REFERRAL-CONFIRMED)",
            ],
            document.Appendices.Select(a => a.Title));
        Assert.True(document.AppendixHasPassedCharts);
        Assert.DoesNotContain(document.Findings, f => f.RuleId == "CHART-REFERRAL-CONFIRMED");
        Assert.Equal(["E05"], document.Appendices[2].Rows.Select(r => r[0]));
    }

    [Fact]
    public void Build_ChartAudit_AppendixOfAssessmentsHasNarrowDatesAndDaysLateAsNumbers()
    {
        var appendix = Build(Results.ChartAudit()).Appendices[0];

        Assert.Equal(["enrollee_id", "due", "days_late", "reason", "source"], appendix.Columns);
        Assert.Equal([false, false, true, false, false], appendix.Numeric);
        Assert.Equal(
            ["E02", "2026-04-30", "3", "assessment on 2026-05-03 is 3 days late (due within 30 days after enrolment on 2026-03-31, by 2026-04-30)", "chart-events.csv:3"],
            appendix.Rows[0]);
        Assert.Equal(["E04", "2026-05-10", string.Empty, "no assessment within 30 days after enrolment on 2026-04-10, by 2026-05-10", "chart-events.csv:5"], appendix.Rows[1]);
    }

    [Fact]
    public void Build_EveryChartCriterionFailed_AppendixHasNoTableOfPassedCriteria()
    {
        var result = Results.Of([.. Results.ChartAudit().Findings.Where(f => f.RuleId != "CHART-REFERRAL-CONFIRMED")]);

        var document = Build(result);

        Assert.False(document.AppendixHasPassedCharts);
        Assert.Equal(["CHART-ASSESSMENT", "CHART-PERSON-CENTERED"], document.Appendices.Select(a => a.RuleId));
    }

    [Theory]
    [InlineData("CHART-CONSENT")]
    [InlineData("CHART-ASSESSMENT")]
    [InlineData("CHART-RECOVERY-PLAN")]
    [InlineData("CHART-PLAN-REVIEW")]
    [InlineData("CHART-TEAM-ASSIGNED")]
    [InlineData("CHART-DISCHARGE-FOLLOW-UP")]
    [InlineData("CHART-REFERRAL-CONFIRMED")]
    [InlineData("CHART-PERSON-CENTERED")]
    public void Wording_EveryChartCriterion_TitlesItsTableOfChartsNotMet(string ruleId)
    {
        var title = Templates.Wording.DetailsTitle(ruleId, "the rule's own title", Build(Results.ChartAudit()).Values);

        Assert.StartsWith("Charts ", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChartAudit_OutlineHasTheChartReviewBetweenTheFindingsAndTheAppendix()
    {
        using var document = Open(PdfReport.Render(Results.ChartAudit(), Results.Tool, Templates.Wording));

        var sections = document.Outlines.Cast<PdfOutline>().ToList();
        Assert.Equal([Kicker, "Summary", "Findings that need attention", "Chart review", "Appendix"], sections.Select(o => o.Title));
        Assert.Equal(["Compliance by criterion", "Score by chart"], sections[3].Outlines.Cast<PdfOutline>().Select(o => o.Title));
    }

    [Fact]
    public void Render_ChartAudit_ReopensWithThePagesTheLayoutProducedAndTheSameBytesTwice()
    {
        var result = Results.ChartAudit();
        var expected = Report(result).Lay(new TextMeasure()).Count;

        var first = PdfReport.Render(result, Results.Tool, Templates.Wording);
        using var document = Open(first);

        // Cover, summary, findings, chart review and appendix each start a page.
        Assert.True(expected >= 5, $"{expected} pages");
        Assert.Equal(expected, document.PageCount);
        Assert.Equal(first, PdfReport.Render(Results.ChartAudit(), Results.Tool, Templates.Wording));
    }

    [Fact]
    public void Lay_ChartAudit_StartsTheChartReviewOnAPageOfItsOwnWithBothTables()
    {
        var pages = Report(Results.ChartAudit()).Lay(new TextMeasure());

        var index = pages.ToList().FindIndex(p => p.Marks.Any(m => m.Level == 0 && m.Title == "Chart review"));
        Assert.True(index > 2, $"The chart review starts on page {index + 1}.");
        var page = pages[index];
        Assert.Equal(PageGeometry.Letter.MarginTop, page.Marks.Single(m => m.Title == "Chart review").Y);
        var texts = Layouts.Texts(page);
        Assert.Equal("Chart review", texts[0]);
        Assert.Contains("CHART-PERSON-CENTERED", texts);
        Assert.Contains("CHART-ASSESSMENT, CHART-PERSON-CENTERED", texts);
        Assert.Contains("33.3%", texts);
        Assert.Contains("n/a", texts);
        Assert.Equal(ScoreHeader, ScoreHeaderTexts(page));
        Assert.DoesNotContain(pages.Take(index).SelectMany(p => p.Texts), t => t == "Score by chart");
        Assert.Equal("Appendix", Layouts.Texts(pages[index + 1])[0]);
    }

    [Fact]
    public void Lay_ChartAudit_AppendixSaysItAlsoListsPassedCriteria()
    {
        var pages = Report(Results.ChartAudit()).Lay(new TextMeasure());
        var credentialing = Report(Results.Credentialing()).Lay(new TextMeasure());

        Assert.Contains(pages.SelectMany(p => p.Texts), t => t.StartsWith("Chart criteria that passed", StringComparison.Ordinal));
        Assert.DoesNotContain(credentialing.SelectMany(p => p.Texts), t => t.StartsWith("Chart criteria that passed", StringComparison.Ordinal));
    }

    [Fact]
    public void Lay_ChartAudit_KeepsEveryOpInsideThePageBody()
    {
        var measure = new TextMeasure();

        Layouts.AssertInsideBody(Report(Results.ChartAudit()).Lay(measure), PageGeometry.Letter, measure);
    }

    [Fact]
    public void Lay_FiveHundredCharts_ScoreTableRepeatsItsHeaderOnEveryPageAndShowsEveryChartOnce()
    {
        var measure = new TextMeasure();

        var pages = Report(ManyCharts(500)).Lay(measure);

        var start = pages.ToList().FindIndex(p => p.Marks.Any(m => m.Title == "Score by chart"));
        var end = pages.ToList().FindIndex(p => p.Marks.Any(m => m.Title == "Appendix"));
        Assert.True(start > 0 && end > start + 5, $"The scores run from page {start + 1} to page {end}.");
        Assert.All(pages.Skip(start).Take(end - start), page => Assert.Equal(ScoreHeader, ScoreHeaderTexts(page)));
        var ids = pages.Take(end).SelectMany(p => p.Texts).Where(t => t.StartsWith("C-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"C-{i:D4}"), ids);
        Layouts.AssertInsideBody(pages, PageGeometry.Letter, measure);
    }

    [Fact]
    public void Render_FiveHundredCharts_HasThePagesTheLayoutProduced()
    {
        var result = ManyCharts(500);
        var expected = Report(result).Lay(new TextMeasure()).Count;

        using var document = Open(PdfReport.Render(result, Results.Tool, Templates.Wording));

        Assert.Equal(expected, document.PageCount);
    }

    private static ReportDocument Build(AuditResult result) => ReportDocument.Build(result, Results.Tool, Templates.Wording);

    private static PdfReport Report(AuditResult result) => new(Build(result));

    private static PdfDocument Open(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        return PdfReader.Open(stream, PdfDocumentOpenMode.Import);
    }

    /// <summary>
    /// Two criteria over <paramref name="count"/> charts: every chart has an assessment, and every
    /// third chart misses its recovery plan.
    /// </summary>
    private static AuditResult ManyCharts(int count)
    {
        ChartCheck Check(int i, bool met) => new($"C-{i:D4}", met ? ChartVerdict.Met : ChartVerdict.NotMet, met ? "found" : "missing", new SourceLine("chart-events.csv", i + 2));
        return Results.Of(
            Results.ChartFinding("CHART-ASSESSMENT", Outcome.Pass, "An assessment is completed within 30 days of enrolment", [.. Enumerable.Range(0, count).Select(i => Check(i, true))]),
            Results.ChartFinding("CHART-RECOVERY-PLAN", Outcome.Fail, "A recovery plan is written within 30 days of enrolment", [.. Enumerable.Range(0, count).Select(i => Check(i, i % 3 != 0))]));
    }

    /// <summary>The chart score table's header on a page: the bold 8 pt texts from "Enrollee" on.</summary>
    private static List<string> ScoreHeaderTexts(LaidOutPage page) =>
        TableTests.ColumnTexts(page.Ops.OfType<TextOp>()
            .Where(t => t.Style == new TextStyle(8, Bold: true))
            .SkipWhile(t => t.Text != "Enrollee"));
}
