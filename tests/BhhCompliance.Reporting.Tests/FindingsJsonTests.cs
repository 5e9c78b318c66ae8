using System.Text;
using System.Text.Json;
using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests;

public sealed class FindingsJsonTests
{
    [Theory]
    [InlineData("0.125", "0.13")]
    [InlineData("-0.125", "-0.13")]
    [InlineData("3.50", "3.5")]
    [InlineData("4.06", "4.06")]
    [InlineData("4.0625", "4.06")]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004", "0")]
    [InlineData("-0.004", "0")]
    [InlineData("812", "812")]
    [InlineData("812.00", "812")]
    [InlineData("1234567.891", "1234567.89")]
    [InlineData("2.675", "2.68")]
    public void Write_EvidenceNumber_RoundsHalfAwayFromZeroToTwoPlacesWithoutTrailingZeros(string value, string expected)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var result = Results.Of(Results.Finding("STAFF-NURSE-RATIO", Outcome.Pass, "m", new Evidence { ["value"] = number }));

        using var json = Parse(result);

        Assert.Equal(expected, Evidence(json, 0).GetProperty("value").GetRawText());
    }

    [Fact]
    public void Write_RulesNotInForce_AreListed_AndAnEmptyListOtherwise()
    {
        using var listed = Parse(Results.Of(Results.NurseRatioFail()) with { RulesNotInForce = ["STAFF-ADMIN-RATIO"] });
        using var none = Parse(Results.Of(Results.NurseRatioFail()));

        Assert.Equal("""["STAFF-ADMIN-RATIO"]""", Compact(listed.RootElement.GetProperty("rules_not_in_force")));
        Assert.Equal("[]", Compact(none.RootElement.GetProperty("rules_not_in_force")));
    }

    [Fact]
    public void Write_NurseRatioExample_MatchesCliMd()
    {
        using var json = Parse(Results.Of(Results.NurseRatioFail()));

        var finding = json.RootElement.GetProperty("findings")[0];
        Assert.Equal(
            """{"census":812,"caseload":200,"required_fte":4.06,"actual_fte":3.5}""",
            Compact(finding.GetProperty("evidence")));
        Assert.Equal("Nurse Care Manager FTE is 3.50; 812 enrollees at 1:200 require 4.06.", finding.GetProperty("message").GetString());
        Assert.Equal("STAFF-NURSE-RATIO", finding.GetProperty("rule_id").GetString());
        Assert.Equal("major", finding.GetProperty("severity").GetString());
        Assert.Equal("fail", finding.GetProperty("outcome").GetString());
        Assert.Equal("agency", finding.GetProperty("subject").GetString());
    }

    [Fact]
    public void Write_MissingValues_AreJsonNull()
    {
        var evidence = new Evidence
        {
            ["license_type"] = (string?)null,
            ["license_expires"] = (DateOnly?)null,
            ["bh_experience_years"] = (decimal?)null,
            ["rate"] = EvidenceValue.None,
        };

        using var json = Parse(Results.Of(Results.Finding("CRED-DIRECTOR", Outcome.Fail, "m", evidence)));

        Assert.Equal("""{"license_type":null,"license_expires":null,"bh_experience_years":null,"rate":null}""", Compact(Evidence(json, 0)));
    }

    [Fact]
    public void Write_Lists_AreJsonArraysOfStrings()
    {
        var evidence = new Evidence
        {
            ["missing"] = EvidenceValue.List(["care-management", "family-support"]),
            ["none_missing"] = EvidenceValue.List([]),
        };

        using var json = Parse(Results.Of(Results.Finding("SVC-CORE-SERVICES", Outcome.Fail, "m", evidence)));

        Assert.Equal("""{"missing":["care-management","family-support"],"none_missing":[]}""", Compact(Evidence(json, 0)));
    }

    [Fact]
    public void Write_DatesAndMonths_AreStrings()
    {
        var evidence = new Evidence
        {
            ["license_expires"] = new DateOnly(2026, 10, 15),
            ["month"] = new YearMonth(2026, 4),
        };

        using var json = Parse(Results.Of(Results.Finding("CRED-LICENSE-EXPIRING", Outcome.Warn, "m", evidence)));

        Assert.Equal("""{"license_expires":"2026-10-15","month":"2026-04"}""", Compact(Evidence(json, 0)));
    }

    [Fact]
    public void Write_DetailRows_KeepTheirColumnsInOrderAndEndWithTheirSource()
    {
        var row = new DetailRow(
            new Evidence { ["claim_id"] = "C-1", ["enrollee_id"] = "E01", ["month"] = new YearMonth(2026, 4), ["amount"] = 250.00m },
            new SourceLine("claims.csv", 2));

        using var json = Parse(Results.Of(Results.Finding("BILL-SUBSTANTIATED", Outcome.Fail, "m", details: [row])));

        var details = json.RootElement.GetProperty("findings")[0].GetProperty("details");
        Assert.Equal("""[{"claim_id":"C-1","enrollee_id":"E01","month":"2026-04","amount":250,"source":"claims.csv:2"}]""", Compact(details));
    }

    [Fact]
    public void Write_FindingWithoutDetails_HasAnEmptyDetailsArray()
    {
        using var json = Parse(Results.Of(Results.NurseRatioFail()));

        Assert.Equal("[]", Compact(json.RootElement.GetProperty("findings")[0].GetProperty("details")));
    }

    [Fact]
    public void Write_FindingKeys_AreInTheDocumentedOrder()
    {
        using var json = Parse(Results.Credentialing());

        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal(
            ["rule_id", "title", "severity", "outcome", "subject", "message", "evidence", "citation", "details"],
            f.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void Write_Header_HasTheDocumentedKeysAndValues()
    {
        using var json = Parse(Results.Credentialing());
        var root = json.RootElement;

        Assert.Equal(
            ["schema", "tool", "rule_set", "profile", "agency", "review", "determination", "summary", "findings", "charts", "waivers", "rules_not_in_force"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bhh-findings/1", root.GetProperty("schema").GetString());
        Assert.Equal("""{"name":"bhh","version":"0.1.0"}""", Compact(root.GetProperty("tool")));
        Assert.Equal($$"""{"name":"ct-bhh","version":"2026.1","sha256":"{{Results.Sha256}}"}""", Compact(root.GetProperty("rule_set")));
        Assert.Equal("credentialing", root.GetProperty("profile").GetString());
        Assert.Equal("""{"id":"LMHA-RV","name":"River Valley Services"}""", Compact(root.GetProperty("agency")));
        Assert.Equal(
            """{"type":"credentialing","as_of":"2026-09-30","period_start":"2026-04-01","period_end":"2026-09-30"}""",
            Compact(root.GetProperty("review")));
    }

    [Fact]
    public void Write_Summary_CountsEveryOutcomeIncludingZeros()
    {
        var result = Results.Of(
            Results.Finding("A-ONE", Outcome.Pass, "m"),
            Results.Finding("A-TWO", Outcome.Pass, "m"),
            Results.Finding("B-ONE", Outcome.Warn, "m"),
            Results.Finding("C-ONE", Outcome.Fail, "m", severity: Severity.Minor),
            Results.Finding("C-TWO", Outcome.Fail, "m", severity: Severity.Minor),
            Results.Finding("C-THREE", Outcome.Fail, "m", severity: Severity.Info),
            Results.Finding("D-ONE", Outcome.NotApplicable, "m"),
            Results.Finding("E-ONE", Outcome.CannotEvaluate, "m"),
            Results.Finding("F-ONE", Outcome.Error, "m"));

        using var json = Parse(result);

        Assert.Equal(
            """{"pass":2,"warn":1,"fail":3,"not_applicable":1,"cannot_evaluate":1,"not_reviewed":0,"error":1,"waived":0}""",
            Compact(json.RootElement.GetProperty("summary")));
    }

    [Theory]
    [InlineData(Severity.Critical, "not-certified")]
    [InlineData(Severity.Major, "conditional")]
    [InlineData(Severity.Minor, "certified")]
    [InlineData(Severity.Info, "certified")]
    public void Write_Determination_FollowsTheMostSevereFailure(Severity severity, string expected)
    {
        var result = Results.Of(
            Results.Finding("A-RULE", Outcome.Warn, "m", severity: Severity.Critical),
            Results.Finding("B-RULE", Outcome.Fail, "m", severity: severity),
            Results.Finding("C-RULE", Outcome.Pass, "m", severity: Severity.Critical));

        using var json = Parse(result);

        Assert.Equal(expected, json.RootElement.GetProperty("determination").GetString());
    }

    [Fact]
    public void Write_CriticalFailureAmongMajorOnes_IsNotCertified()
    {
        var result = Results.Of(
            Results.Finding("A-RULE", Outcome.Fail, "m", severity: Severity.Major),
            Results.Finding("B-RULE", Outcome.Fail, "m", severity: Severity.Critical));

        using var json = Parse(result);

        Assert.Equal("not-certified", json.RootElement.GetProperty("determination").GetString());
    }

    [Fact]
    public void Write_UsesLfLineEndingsAndEndsWithANewline()
    {
        var text = Write(Results.Credentialing());

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal));
        Assert.StartsWith("{\n  \"schema\": \"bhh-findings/1\",\n  \"tool\": {\n    \"name\": \"bhh\",", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameResultTwice_GivesTheSameBytes()
    {
        Assert.Equal(WriteBytes(Results.Credentialing()), WriteBytes(Results.Credentialing()));
    }

    [Fact]
    public void Write_TextWithQuotesAndAccents_RoundTrips()
    {
        const string message = "Zoë O'Brien said \"see chart\" \\ then left — 5 < 6 & 7 > 3.";

        using var json = Parse(Results.Of(Results.Finding("CRED-NURSE", Outcome.Fail, message)));

        Assert.Equal(message, json.RootElement.GetProperty("findings")[0].GetProperty("message").GetString());
    }

    [Fact]
    public void Write_ChartAudit_ListsEveryChartScoreByEnrolleeAfterTheFindings()
    {
        using var json = Parse(Results.ChartAudit());

        Assert.Equal(
            """
            [{"enrollee_id":"E01","met":3,"not_met":0,"score":1},{"enrollee_id":"E02","met":1,"not_met":2,"score":0.33},{"enrollee_id":"E03","met":2,"not_met":0,"score":1},{"enrollee_id":"E04","met":1,"not_met":1,"score":0.5},{"enrollee_id":"E05","met":0,"not_met":1,"score":0},{"enrollee_id":"E06","met":0,"not_met":0,"score":null}]
            """,
            Compact(json.RootElement.GetProperty("charts")));
        Assert.Equal(["findings", "charts"], json.RootElement.EnumerateObject().Select(p => p.Name).SkipWhile(n => n != "findings").Take(2));
    }

    [Fact]
    public void Write_ChartScores_FollowTheResultsOrderAndRoundHalfAwayFromZero()
    {
        // Two thirds rounds up to 0.67, and none met is 0, not null; the order is the result's
        // (by enrollee id, ordinal: E10 before E9), not re-sorted.
        ChartCheck Check(string id, ChartVerdict verdict) => new(id, verdict, "reason", new SourceLine("chart-events.csv", 2));
        var result = Results.Of(
            Results.ChartFinding("CHART-A", Outcome.Fail, "A", [Check("E10", ChartVerdict.Met), Check("E9", ChartVerdict.NotMet)]),
            Results.ChartFinding("CHART-B", Outcome.Fail, "B", [Check("E10", ChartVerdict.Met), Check("E9", ChartVerdict.NotMet)]),
            Results.ChartFinding("CHART-C", Outcome.Pass, "C", [Check("E10", ChartVerdict.NotMet), Check("E9", ChartVerdict.NotMet)]));

        using var json = Parse(result);

        var charts = json.RootElement.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(["E10", "E9"], charts.Select(c => c.GetProperty("enrollee_id").GetString()));
        Assert.Equal("0.67", charts[0].GetProperty("score").GetRawText());
        Assert.Equal("0", charts[1].GetProperty("score").GetRawText());
        Assert.Equal(result.Charts.Select(c => c.EnrolleeId), charts.Select(c => c.GetProperty("enrollee_id").GetString()));
    }

    [Fact]
    public void Write_OneMetOfEight_RoundsTheScoreHalfAwayFromZero()
    {
        var checks = Enumerable.Range(0, 8)
            .Select(i => new ChartCheck("E01", i == 0 ? ChartVerdict.Met : ChartVerdict.NotMet, "reason", new SourceLine("chart-events.csv", i + 2)))
            .Select((c, i) => Results.ChartFinding($"CHART-{i}", Outcome.Fail, "t", [c]))
            .ToArray();

        using var json = Parse(Results.Of(checks));

        Assert.Equal("""[{"enrollee_id":"E01","met":1,"not_met":7,"score":0.13}]""", Compact(json.RootElement.GetProperty("charts")));
    }

    [Fact]
    public void Write_NoChartCriterionRan_HasAnEmptyChartsList()
    {
        using var json = Parse(Results.Credentialing());

        Assert.Equal("[]", Compact(json.RootElement.GetProperty("charts")));
    }

    [Fact]
    public void Write_ChartAuditTwice_GivesTheSameBytes()
    {
        Assert.Equal(WriteBytes(Results.ChartAudit()), WriteBytes(Results.ChartAudit()));
    }

    [Fact]
    public void Write_AgencyWithoutName_WritesNull()
    {
        using var json = Parse(Results.Of([Results.NurseRatioFail()], agencyName: null));

        Assert.Equal("""{"id":"LMHA-RV","name":null}""", Compact(json.RootElement.GetProperty("agency")));
    }

    private static byte[] WriteBytes(AuditResult result)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(result, Results.Tool, stream);
        return stream.ToArray();
    }

    private static string Write(AuditResult result) => Encoding.UTF8.GetString(WriteBytes(result));

    private static JsonDocument Parse(AuditResult result) => JsonDocument.Parse(WriteBytes(result));

    private static JsonElement Evidence(JsonDocument json, int index) =>
        json.RootElement.GetProperty("findings")[index].GetProperty("evidence");

    /// <summary>The element as written, without the indentation: raw number and string tokens are kept.</summary>
    private static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
