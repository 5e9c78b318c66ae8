using System.Globalization;
using System.Text;
using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Worksheet;

/// <summary>Where the list of charts under review came from (rules.md, "Chart review").</summary>
public enum ChartListSource
{
    /// <summary>The enrollees of chart-sample.csv.</summary>
    Sample,

    /// <summary>Without chart-sample.csv: every enrollee with an event in chart-events.csv.</summary>
    ChartEvents,
}

/// <summary>An automatic criterion's result for one chart, already worded for the page.</summary>
/// <param name="Result">"met", "not met", "not applicable", or "not evaluated" when the criterion could not run.</param>
/// <param name="Source">The snapshot line the result rests on, or null when the criterion could not run.</param>
public sealed record AutomaticResult(string RuleId, string Title, string Result, string Reason, string? Source);

/// <summary>A manual criterion the reviewer answers for one chart, with the answer already on file, if any.</summary>
public sealed record ManualQuestion(string RuleId, string Title, Attestation? OnFile);

/// <summary>One chart under review: who, the automatic results, and the questions to answer.</summary>
public sealed record ChartSection(
    string EnrolleeId,
    DateOnly EnrolledOn,
    DateOnly? DisenrolledOn,
    SourceLine ListedAt,
    IReadOnlyList<AutomaticResult> Automatic,
    IReadOnlyList<ManualQuestion> Manual);

/// <summary>
/// One row of the answers file: a chart and a manual criterion, to be answered, or with the
/// answer attestations.csv already holds, so that saving the file over attestations.csv keeps it.
/// </summary>
public sealed record AnswerRow(string EnrolleeId, string Criterion, Attestation? OnFile);

/// <summary>
/// The reviewer worksheet of a chart review: everything the printed worksheet and its answers
/// file show, decided here; <see cref="WorksheetPdf"/> and <see cref="AnswersFile"/> only lay it out.
/// </summary>
/// <param name="Result">The evaluation of the chart criteria alone (for the page header and the document id).</param>
/// <param name="SnapshotName">The snapshot folder's name, for the instructions (never a full path, so the bytes do not depend on where it lies).</param>
/// <param name="AnswersFileName">The name of the CSV written next to the PDF.</param>
/// <param name="AnswersOnFile">How many answers the snapshot's attestations.csv already holds for these charts and criteria.</param>
public sealed record ChartWorksheet(
    AuditResult Result,
    string SnapshotName,
    string AnswersFileName,
    ChartListSource ListSource,
    IReadOnlyList<WorksheetCriterion> Criteria,
    IReadOnlyList<ChartSection> Charts,
    int AnswersOnFile)
{
    public const string NotEvaluated = "not evaluated";

    public string AgencyName => Result.Agency.Name ?? Result.Agency.Id;

    public ReviewInfo Review => Result.Review;

    public IEnumerable<WorksheetCriterion> ManualCriteria => Criteria.Where(c => c.Manual);

    /// <summary>One row per chart and manual criterion, by enrollee id, then criterion (ordinal).</summary>
    public IReadOnlyList<AnswerRow> AnswerRows =>
    [
        .. Charts
            .SelectMany(chart => chart.Manual.Select(q => new AnswerRow(chart.EnrolleeId, q.RuleId, q.OnFile)))
            .OrderBy(r => r.EnrolleeId, StringComparer.Ordinal)
            .ThenBy(r => r.Criterion, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Builds the worksheet from the evaluation of the chart criteria on <paramref name="snapshot"/>
    /// (the same snapshot, as of the same date). The charts are the snapshot's charts under review,
    /// by enrollee id; the snapshot must have enrollees.csv.
    /// </summary>
    public static ChartWorksheet Build(
        AuditResult result,
        Snapshot snapshot,
        IReadOnlyList<WorksheetCriterion> criteria,
        string snapshotName,
        string answersFileName)
    {
        var findings = result.Findings
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CriterionResults(g.First()), StringComparer.Ordinal);
        var charts = new AuditContext(snapshot).ReviewedCharts;
        var sections = charts.Select(chart => new ChartSection(
            chart.EnrolleeId,
            chart.Enrollee.EnrolledOn,
            chart.Enrollee.DisenrolledOn,
            chart.Source,
            [.. criteria.Where(c => !c.Manual).Select(c => Automatic(c, chart.EnrolleeId, findings.GetValueOrDefault(c.RuleId)))],
            [.. criteria.Where(c => c.Manual).Select(c => new ManualQuestion(c.RuleId, c.Title, findings.GetValueOrDefault(c.RuleId)?.Of(chart.EnrolleeId)?.Attestation))]));
        var list = sections.ToList();
        return new ChartWorksheet(
            result,
            snapshotName,
            answersFileName,
            snapshot.ChartSample is null ? ChartListSource.ChartEvents : ChartListSource.Sample,
            criteria,
            list,
            list.Sum(s => s.Manual.Count(q => q.OnFile is not null)));
    }

    /// <summary>
    /// A digest of everything the worksheet shows, as its document id: the same worksheet always
    /// gets the same id, and a different one never does.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        void Line(params object?[] fields) => text.AppendJoin('\u001f', fields.Select(Field)).Append('\n');

        Line(Result.RuleSet.Name, Result.RuleSet.Version, Result.RuleSet.Sha256, Result.Agency.Id, Result.Agency.Name);
        Line(Review.Type, Formats.Date(Review.AsOf), Formats.Date(Review.Period.Start), Formats.Date(Review.Period.End));
        Line(SnapshotName, AnswersFileName, ListSource, AnswersOnFile);
        foreach (var criterion in Criteria)
        {
            Line(criterion.RuleId, criterion.Title, criterion.Manual);
        }

        foreach (var chart in Charts)
        {
            Line(chart.EnrolleeId, Formats.Date(chart.EnrolledOn), chart.DisenrolledOn is { } off ? Formats.Date(off) : null, chart.ListedAt);
            foreach (var result in chart.Automatic)
            {
                Line(result.RuleId, result.Result, result.Reason, result.Source);
            }

            foreach (var question in chart.Manual)
            {
                Line(question.RuleId, question.OnFile?.Answer, question.OnFile?.Reviewer, question.OnFile?.Date, question.OnFile?.Comment);
            }
        }

        return DocumentInfo.IdOf(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Field(object? value) => value switch
    {
        null => "\u0000",
        DateOnly date => Formats.Date(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static AutomaticResult Automatic(WorksheetCriterion criterion, string enrolleeId, CriterionResults? results)
    {
        if (results?.Of(enrolleeId) is { } check)
        {
            return new(criterion.RuleId, criterion.Title, Verdict(check.Verdict), check.Reason, check.Source.ToString());
        }

        // Cannot evaluate (a file missing) or an error: the finding says why, for every chart alike.
        return new(criterion.RuleId, criterion.Title, NotEvaluated, results?.Finding.Message ?? "the criterion was not run", null);
    }

    /// <summary>A criterion's finding, with its result for each chart found by enrollee id (the first, when listed twice).</summary>
    private sealed class CriterionResults(Finding finding)
    {
        private readonly Dictionary<string, ChartCheck> _byChart = finding.Charts
            .GroupBy(c => c.EnrolleeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public Finding Finding => finding;

        public ChartCheck? Of(string enrolleeId) => _byChart.GetValueOrDefault(enrolleeId);
    }

    private static string Verdict(ChartVerdict verdict) => verdict switch
    {
        ChartVerdict.Met => BhhProgram.AttestationAnswers.NameOf("met"),
        ChartVerdict.NotMet => BhhProgram.AttestationAnswers.NameOf("not-met"),
        ChartVerdict.NotApplicable => BhhProgram.AttestationAnswers.NameOf("not-applicable"),
        _ => "not reviewed",
    };
}
