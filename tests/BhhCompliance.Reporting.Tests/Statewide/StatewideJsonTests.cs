using System.Text;
using System.Text.Json;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Reporting.Statewide;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests.Statewide;

/// <summary>The statewide summary as JSON (<c>bhh-statewide/1</c>): its keys, figures and bytes.</summary>
public sealed class StatewideJsonTests
{
    [Fact]
    public void Write_TopLevel_HasTheSchemaToolRuleSetProfileTotalsAndAgenciesInFolderOrder()
    {
        using var json = Parse(Batches.State());
        var root = json.RootElement;

        Assert.Equal(["schema", "tool", "rule_set", "profile", "totals", "agencies"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bhh-statewide/1", root.GetProperty("schema").GetString());
        Assert.Equal("""{"name":"bhh","version":"0.1.0"}""", Compact(root.GetProperty("tool")));
        Assert.Equal($$"""{"name":"ct-bhh","version":"2026.1","sha256":"{{Results.Sha256}}"}""", Compact(root.GetProperty("rule_set")));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("profile").ValueKind);
        Assert.Equal(
            ["new haven", "river-valley", "shoreline", "south-bad", "waterbury"],
            root.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("folder").GetString()));
    }

    [Fact]
    public void Write_ProfileGivenForTheBatch_IsWritten()
    {
        using var json = Parse(Batches.State("credentialing"));

        Assert.Equal("credentialing", json.RootElement.GetProperty("profile").GetString());
    }

    [Fact]
    public void Write_Totals_CountEveryFolderAndPoolTheFiguresOfTheAudited()
    {
        using var json = Parse(Batches.State());

        // 882 of 1,000 months; claims C1, C2 and C3 once each; 0.25 + 0.56 + 1.24 + 0.75 FTE short.
        Assert.Equal(
            """{"agencies":5,"audited":3,"bad_input":1,"error":1,"certified":1,"conditional":1,"not_certified":1""" +
                ""","enrollee_months":1000,"monthly_minimum_rate":0.88,"claims":3100,"claims_at_risk":3,"amount_at_risk":355.74""" +
                ""","staffing_gap_fte":2.8,"agencies_short_staffed":3}""",
            Compact(json.RootElement.GetProperty("totals")));
    }

    [Fact]
    public void Write_AuditedAgency_HasItsDeterminationSummaryFailedRulesMetricsAndOutputs()
    {
        using var json = Parse(Batches.State());

        var agency = Agency(json, "river-valley");
        Assert.Equal(
            [
                "folder", "status", "agency", "profile", "as_of", "determination", "summary", "failed_rules", "metrics", "input", "problem", "outputs",
            ],
            agency.EnumerateObject().Select(p => p.Name));
        Assert.Equal("audited", agency.GetProperty("status").GetString());
        Assert.Equal("""{"id":"LMHA-RV","name":"River Valley Services"}""", Compact(agency.GetProperty("agency")));
        Assert.Equal("credentialing", agency.GetProperty("profile").GetString());
        Assert.Equal("2026-09-30", agency.GetProperty("as_of").GetString());
        Assert.Equal("conditional", agency.GetProperty("determination").GetString());
        Assert.Equal(
            """{"pass":2,"warn":0,"fail":6,"not_applicable":0,"cannot_evaluate":0,"not_reviewed":0,"error":0,"waived":0}""",
            Compact(agency.GetProperty("summary")));
        Assert.Equal(
            """["BILL-DUPLICATE","BILL-ENROLLED","BILL-SUBSTANTIATED","STAFF-NURSE-RATIO","STAFF-PEER-RATIO","SVC-MONTHLY-MINIMUM"]""",
            Compact(agency.GetProperty("failed_rules")));
        Assert.Equal(
            """{"census":812,"enrollee_months":600,"months_met":510,"monthly_minimum_rate":0.85,"claims":2000,"claims_at_risk":3""" +
                ""","amount_at_risk":355.74,"staffing_gap_fte":1.8,"roles_short":["STAFF-NURSE-RATIO","STAFF-PEER-RATIO"],"missing_roles":[]}""",
            Compact(agency.GetProperty("metrics")));
        Assert.Equal("""{"errors":0,"warnings":0}""", Compact(agency.GetProperty("input")));
        Assert.Equal(JsonValueKind.Null, agency.GetProperty("problem").ValueKind);
        Assert.Equal("""["river-valley/report.pdf","river-valley/findings.json","river-valley/summary.md"]""", Compact(agency.GetProperty("outputs")));
    }

    [Fact]
    public void Write_RulesThatDidNotRunToAConclusion_LeaveTheirFiguresNull()
    {
        using var json = Parse(Batches.State());

        // The monthly minimum could not be evaluated and the claims rule did not apply; the staffing rules ran.
        var agency = Agency(json, "shoreline");
        Assert.Equal("not-certified", agency.GetProperty("determination").GetString());
        Assert.Equal(
            """{"census":150,"enrollee_months":null,"months_met":null,"monthly_minimum_rate":null,"claims":null,"claims_at_risk":null""" +
                ""","amount_at_risk":null,"staffing_gap_fte":0.75,"roles_short":["STAFF-NURSE-RATIO"]""" +
                ""","missing_roles":["nurse-care-manager","peer-recovery-specialist"]}""",
            Compact(agency.GetProperty("metrics")));
    }

    [Fact]
    public void Write_BadInput_HasTheProblemAndInputCountsAndNoFigures()
    {
        using var json = Parse(Batches.State());

        var agency = Agency(json, "south-bad");
        Assert.Equal("bad-input", agency.GetProperty("status").GetString());
        Assert.Equal("""{"id":null,"name":null}""", Compact(agency.GetProperty("agency")));
        Assert.Equal(JsonValueKind.Null, agency.GetProperty("determination").ValueKind);
        Assert.Equal(JsonValueKind.Null, agency.GetProperty("as_of").ValueKind);
        Assert.Equal(JsonValueKind.Null, agency.GetProperty("summary").ValueKind);
        Assert.Equal("[]", Compact(agency.GetProperty("failed_rules")));
        Assert.Equal(
            """{"census":null,"enrollee_months":null,"months_met":null,"monthly_minimum_rate":null,"claims":null,"claims_at_risk":null""" +
                ""","amount_at_risk":null,"staffing_gap_fte":null,"roles_short":[],"missing_roles":[]}""",
            Compact(agency.GetProperty("metrics")));
        Assert.Equal("""{"errors":2,"warnings":1}""", Compact(agency.GetProperty("input")));
        Assert.Equal(Batches.BadInputProblem, agency.GetProperty("problem").GetString());
        Assert.Equal("[]", Compact(agency.GetProperty("outputs")));
    }

    [Fact]
    public void Write_Error_HasTheStatusAgencyAndProblem()
    {
        using var json = Parse(Batches.State());

        var agency = Agency(json, "waterbury");
        Assert.Equal("error", agency.GetProperty("status").GetString());
        Assert.Equal("""{"id":"WCMH","name":"Waterbury Counseling"}""", Compact(agency.GetProperty("agency")));
        Assert.Equal(Batches.ErrorProblem, agency.GetProperty("problem").GetString());
        Assert.Equal("""["waterbury/error.txt"]""", Compact(agency.GetProperty("outputs")));
    }

    [Theory]
    [InlineData("10.005", "10.01")]
    [InlineData("10.004", "10")]
    [InlineData("2.675", "2.68")]
    public void Write_Amounts_RoundHalfAwayFromZeroToTwoPlaces(string amount, string expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var claim = new DetailRow(new Evidence { ["claim_id"] = "C1", ["amount"] = value }, new SourceLine("claims.csv", 2));
        var result = Batches.Result(
            "A1",
            "One",
            new DateOnly(2026, 9, 30),
            Results.Finding("BILL-SUBSTANTIATED", Outcome.Fail, "1 claim.", new Evidence { ["claims"] = 10 }, details: [claim]));
        var summary = Batches.State() with { Agencies = [AgencyAudit.Audited("a1", result, Batches.KindOf, 0, [])] };

        using var json = Parse(summary);

        Assert.Equal(expected, json.RootElement.GetProperty("totals").GetProperty("amount_at_risk").GetRawText());
        Assert.Equal(expected, Agency(json, "a1").GetProperty("metrics").GetProperty("amount_at_risk").GetRawText());
    }

    [Fact]
    public void Write_NoAgencyReportsTheMonthlyMinimum_TheStatewideRateIsNull()
    {
        using var json = Parse(Batches.State() with { Agencies = [Batches.Shoreline(), Batches.SouthBad()] });

        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("monthly_minimum_rate").ValueKind);
        Assert.Equal(0, totals.GetProperty("enrollee_months").GetInt32());
    }

    [Fact]
    public void Write_NoAgencyRanAClaimRule_ClaimsAtRiskAreNullNotZero()
    {
        using var json = Parse(Batches.WithoutClaimRules());

        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("claims_at_risk").ValueKind);
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("amount_at_risk").ValueKind);
        var metrics = Agency(json, "pine-crest").GetProperty("metrics");
        Assert.Equal(
            """{"census":300,"enrollee_months":null,"months_met":null,"monthly_minimum_rate":null,"claims":null,"claims_at_risk":null""" +
                ""","amount_at_risk":null,"staffing_gap_fte":0,"roles_short":[],"missing_roles":[]}""",
            Compact(metrics));
    }

    [Fact]
    public void Write_SameSummaryTwice_GivesIdenticalBytesWithLfLineEndings()
    {
        var first = Bytes(Batches.State());
        var second = Bytes(Batches.State());

        Assert.Equal(first, second);
        var text = Encoding.UTF8.GetString(first);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DifferentSummaries_GiveDifferentBytes()
    {
        var state = Batches.State();

        Assert.NotEqual(Bytes(state), Bytes(state with { Agencies = [.. state.Agencies.Take(4)] }));
    }

    private static JsonElement Agency(JsonDocument json, string folder) =>
        json.RootElement.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("folder").GetString() == folder);

    private static byte[] Bytes(StatewideSummary summary)
    {
        using var stream = new MemoryStream();
        StatewideJson.Write(summary, Results.Tool, stream);
        return stream.ToArray();
    }

    private static JsonDocument Parse(StatewideSummary summary) => JsonDocument.Parse(Bytes(summary));

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
