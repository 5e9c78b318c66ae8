using System.Text;
using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Reporting.Tests.Fixtures;
using BhhCompliance.Reporting.Worksheet;

namespace BhhCompliance.Reporting.Tests.Worksheet;

/// <summary>The answers CSV written next to the worksheet, to be saved as attestations.csv.</summary>
public sealed class AnswersFileTests
{
    [Fact]
    public void Csv_HasTheHeaderAndARowPerChartAndManualCriterion_FilledWithTheAnswersOnFile()
    {
        // E1 to E3 are answered in the case's attestations.csv, E4 is not: saving the CSV over
        // attestations.csv must keep the answers already given.
        var worksheet = WorksheetCase.Build(WorksheetCase.Answered);

        Assert.Equal(
            "enrollee_id,criterion,answer,reviewer,date,comment\n" +
            "E1,CHART-PERSON-CENTERED,met,R. Diaz,2026-10-05,\n" +
            "E2,CHART-PERSON-CENTERED,met,R. Diaz,2026-10-05,\n" +
            "E3,CHART-PERSON-CENTERED,not-applicable,R. Diaz,2026-10-05,no plan yet\n" +
            "E4,CHART-PERSON-CENTERED,,,,\n",
            AnswersFile.Csv(worksheet));
    }

    [Fact]
    public void Bytes_AreUtf8WithoutAByteOrderMarkAndWithLineFeedsOnly()
    {
        var bytes = AnswersFile.Bytes(Sheet(["É1"], ["CHART-PERSON-CENTERED"]));

        Assert.Equal((byte)'e', bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal("enrollee_id,criterion,answer,reviewer,date,comment\nÉ1,CHART-PERSON-CENTERED,,,,\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Csv_SortsRowsByEnrolleeIdThenCriterion()
    {
        var worksheet = Sheet(["E2", "E10", "A7"], ["CHART-Z", "CHART-A"]);

        var lines = AnswersFile.Csv(worksheet).TrimEnd('\n').Split('\n').Skip(1);

        Assert.Equal(
            ["A7,CHART-A,,,,", "A7,CHART-Z,,,,", "E10,CHART-A,,,,", "E10,CHART-Z,,,,", "E2,CHART-A,,,,", "E2,CHART-Z,,,,"],
            lines);
    }

    [Theory]
    [InlineData("E1", "E1")]
    [InlineData("E,1", "\"E,1\"")]
    [InlineData("E\"1", "\"E\"\"1\"")]
    [InlineData("E\n1", "\"E\n1\"")]
    [InlineData(" E1 ", " E1 ")]
    public void Field_QuotesAsRfc4180Requires(string value, string expected) =>
        Assert.Equal(expected, AnswersFile.Field(value));

    [Fact]
    public void Csv_NoManualCriteria_IsTheHeaderAlone()
    {
        Assert.Equal("enrollee_id,criterion,answer,reviewer,date,comment\n", AnswersFile.Csv(Sheet(["E1", "E2"], [])));
    }

    [Fact]
    public void Csv_FilledInAndSavedAsAttestations_IsReadBackAsTheAnswers()
    {
        using var folder = new WorksheetCase(WorksheetCase.Answered);
        folder.Delete(SnapshotFile.Attestations);
        var worksheet = folder.Build();
        string[] answers = ["met", "not-met", "not-applicable", "met"];
        var filled = AnswersFile.Csv(worksheet).TrimEnd('\n').Split('\n')
            .Select((line, i) => i == 0 ? line : line.Replace(",,,,", $",{answers[i - 1]},\"Diaz, R.\",2026-10-05,", StringComparison.Ordinal));
        folder.Write(SnapshotFile.Attestations, string.Join('\n', filled) + "\n");

        var snapshot = folder.Load();
        var result = folder.Evaluate(snapshot);

        var checks = result.Findings.Single(f => f.RuleId == "CHART-PERSON-CENTERED").Charts;
        Assert.Equal(
            [ChartVerdict.Met, ChartVerdict.NotMet, ChartVerdict.NotApplicable, ChartVerdict.Met],
            checks.Select(c => c.Verdict));
        Assert.All(checks, c => Assert.Equal("Diaz, R.", c.Attestation!.Reviewer));
    }

    /// <summary>A worksheet built by hand: charts with every manual criterion and no automatic one.</summary>
    private static ChartWorksheet Sheet(IReadOnlyList<string> enrollees, IReadOnlyList<string> manual) => new(
        Results.Of(),
        "snapshot",
        "worksheet.csv",
        ChartListSource.Sample,
        [.. manual.Select(id => new WorksheetCriterion(id, $"Title of {id}", Manual: true))],
        [
            .. enrollees.Select((id, i) => new ChartSection(
                id,
                new DateOnly(2026, 1, 1),
                null,
                new SourceLine(SnapshotFile.ChartSample, i + 2),
                [],
                [.. manual.Select(c => new ManualQuestion(c, $"Title of {c}", null))])),
        ],
        0);
}
