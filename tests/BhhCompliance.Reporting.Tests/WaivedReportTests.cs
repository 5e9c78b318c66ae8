using System.Text.Json;
using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests;

/// <summary>
/// How each report shows waivers (cli.md: findings.json's <c>waived</c> findings; the PDF), with
/// <see cref="Results.Waived"/>: two findings waived, one waiver expired and one unmatched.
/// </summary>
public sealed class WaivedReportTests
{
    [Fact]
    public void Json_WaivedFinding_KeepsItsOutcomeAndWaiverAfterTheUsualKeys()
    {
        using var json = Json(Results.Waived());

        var nurse = Finding(json, "STAFF-NURSE-RATIO", "agency");

        Assert.Equal(
            ["rule_id", "title", "severity", "outcome", "subject", "message", "evidence", "citation", "details", "waived_outcome", "waiver"],
            nurse.EnumerateObject().Select(p => p.Name));
        Assert.Equal("waived", nurse.GetProperty("outcome").GetString());
        Assert.Equal("fail", nurse.GetProperty("waived_outcome").GetString());
        Assert.Equal(
            """{"justification":"Two nurse care managers start on 2026-10-15; offer letters on file.","requested_by":"Dana Director (LMHA-RV)","approved_by":"J. Smith (ABH)","approved_on":"2026-09-20","expires_on":"2026-12-31","source":"waivers.yaml:3"}""",
            Compact(nurse.GetProperty("waiver")));
    }

    [Fact]
    public void Json_WaiverWithoutApprovalDate_HasApprovedOnNull()
    {
        using var json = Json(Results.Waived());

        var waiver = Finding(json, "CRED-NURSE", "staff:S09").GetProperty("waiver");

        Assert.Equal(JsonValueKind.Null, waiver.GetProperty("approved_on").ValueKind);
        Assert.Equal("waivers.yaml:11", waiver.GetProperty("source").GetString());
    }

    [Fact]
    public void Json_FindingsNotWaived_HaveNoWaiverKeys()
    {
        using var json = Json(Results.Waived());

        var others = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("outcome").GetString() != "waived").ToList();

        Assert.Equal(5, others.Count);
        Assert.All(others, f => Assert.False(f.TryGetProperty("waived_outcome", out _) || f.TryGetProperty("waiver", out _)));
    }

    [Fact]
    public void Json_Waivers_ListEachWithItsStatusByRuleIdThenSubject()
    {
        using var json = Json(Results.Waived());

        Assert.Equal("waivers", json.RootElement.EnumerateObject().SkipLast(1).Last().Name);
        Assert.Equal(
            """
            [{"rule_id":"CRED-NURSE","subject":null,"status":"applied","expires_on":"2026-10-31","approved_by":"K. Lee (ABH)","source":"waivers.yaml:11"},{"rule_id":"STAFF-DIRECTOR-RATIO","subject":"agency","status":"unmatched","expires_on":"2026-12-31","approved_by":"J. Smith (ABH)","source":"waivers.yaml:23"},{"rule_id":"STAFF-NURSE-RATIO","subject":"agency","status":"applied","expires_on":"2026-12-31","approved_by":"J. Smith (ABH)","source":"waivers.yaml:3"},{"rule_id":"STAFF-PEER-RATIO","subject":null,"status":"expired","expires_on":"2026-09-15","approved_by":"J. Smith (ABH)","source":"waivers.yaml:17"}]
            """,
            Compact(json.RootElement.GetProperty("waivers")));
    }

    [Fact]
    public void Json_WaivedMajorFails_NoLongerCountAgainstTheDetermination()
    {
        using var json = Json(Results.Waived());
        var root = json.RootElement;

        Assert.Equal("certified", root.GetProperty("determination").GetString());
        Assert.Equal(0, root.GetProperty("summary").GetProperty("fail").GetInt32());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("waived").GetInt32());
        Assert.Equal("conditional", Json(Results.Credentialing()).RootElement.GetProperty("determination").GetString());
    }

    [Fact]
    public void Json_SameResultTwice_GivesTheSameBytes()
    {
        Assert.Equal(JsonBytes(Results.Waived()), JsonBytes(Results.Waived()));
    }

    [Fact]
    public void Text_WaivedFindings_HaveASectionOfTheirOwnWithTheOutcomeBeforeAndTheWaiver()
    {
        var lines = Lines(TextSummary.Plain(Results.Waived(), Results.Tool, 120));

        var attention = lines.IndexOf("Needs attention");
        var waived = lines.IndexOf("Waived findings");
        var notApplied = lines.IndexOf("Waivers not applied");
        Assert.True(attention >= 0 && attention < waived && waived < notApplied, $"{attention}, {waived}, {notApplied}");
        Assert.DoesNotContain(lines[attention..waived], l => l.Contains("STAFF-NURSE-RATIO", StringComparison.Ordinal));
        Assert.Equal("WAIVED STAFF-NURSE-RATIO (major): Nurse Care Manager FTE is 3.50; 812 enrollees at 1:200 require 4.06.", lines[waived + 5]);
        Assert.Equal("       Was fail; waived by J. Smith (ABH) until 2026-12-31 (waivers.yaml:3).", lines[waived + 6]);
        Assert.Equal(
            [
                "UNMATCHED STAFF-DIRECTOR-RATIO agency (waivers.yaml:23): matched no finding that needs a waiver; not applied.",
                "EXPIRED   STAFF-PEER-RATIO (every subject) (waivers.yaml:17): expired on 2026-09-15, before the as-of date 2026-09-30;",
                "          not applied.",
            ],
            lines[(notApplied + 1)..(notApplied + 4)]);
        Assert.Contains("Determination: CERTIFIED - no critical or major rule failed.", lines);
    }

    [Fact]
    public void Text_NoWaivers_HasNoWaiverSections()
    {
        var lines = Lines(TextSummary.Plain(Results.Credentialing(), Results.Tool, 120));

        Assert.DoesNotContain("Waived findings", lines);
        Assert.DoesNotContain("Waivers not applied", lines);
    }

    [Fact]
    public void Markdown_WaivedFindings_FollowTheFindingsThatNeedAttention()
    {
        var lines = Lines(Markdown(Results.Waived()));

        Assert.Equal(
            ["## Summary", "## Rules", "## Findings", "## Waived findings", "## Waivers not applied"],
            lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        var findings = lines.IndexOf("## Findings");
        var waived = lines.IndexOf("## Waived findings");
        Assert.Equal(
            ["### Cannot evaluate: PC-HOURS Primary care consultant hours meet 1 hour per enrollee per year", "### Warn: STAFF-PEER-RATIO Peer Recovery Specialist staffing meets 1:50"],
            lines[findings..waived].Where(l => l.StartsWith("### ", StringComparison.Ordinal)));
        Assert.Equal(
            ["### Waived (Fail): CRED-NURSE Nurse Care Manager is a registered nurse", "### Waived (Fail): STAFF-NURSE-RATIO Nurse Care Manager staffing meets 1:200"],
            lines[waived..].Where(l => l.StartsWith("### ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Markdown_WaivedFinding_ShowsTheOriginalOutcomeAndEveryFieldOfItsWaiver()
    {
        var lines = Lines(Markdown(Results.Waived()));

        var heading = lines.IndexOf("### Waived (Fail): STAFF-NURSE-RATIO Nurse Care Manager staffing meets 1:200");
        Assert.True(heading > 0);
        Assert.Equal(
            [
                "| Waiver | |",
                "|---|---|",
                "| Outcome before the waiver | Fail |",
                "| Justification | Two nurse care managers start on 2026-10-15; offer letters on file. |",
                "| Requested by | Dana Director (LMHA-RV) |",
                "| Approved by | J. Smith (ABH) |",
                "| Approved on | 2026-09-20 |",
                "| Valid through | 2026-12-31 |",
                "| Waiver | waivers.yaml:3 |",
            ],
            lines[(heading + 6)..(heading + 15)]);
        Assert.Contains("| Approved on | not recorded |", lines);
    }

    [Fact]
    public void Markdown_WaivedFindingBuiltWithoutItsWaiver_StillRenders()
    {
        var lines = Lines(Markdown(Results.Of(Results.Finding("R-1", Outcome.Waived, "waived by hand", title: "A rule"))));

        Assert.Contains("### Waived (Waived): R-1 A rule", lines);
        Assert.Contains("| Justification |  |", lines);
    }

    [Fact]
    public void Markdown_WaiversNotApplied_AreATable()
    {
        var lines = Lines(Markdown(Results.Waived()));

        var header = lines.IndexOf("| Waiver | Rule | Subject | Status | Expires | Approved by |");
        Assert.Equal(
            [
                "| waivers.yaml:23 | STAFF-DIRECTOR-RATIO | agency | Unmatched | 2026-12-31 | J. Smith (ABH) |",
                "| waivers.yaml:17 | STAFF-PEER-RATIO | every subject | Expired | 2026-09-15 | J. Smith (ABH) |",
            ],
            lines[(header + 2)..(header + 4)]);
    }

    [Fact]
    public void Markdown_EveryFindingWaived_SaysNoneNeedsAttention()
    {
        var result = Results.Of(Results.NurseRatioFail() with { Outcome = Outcome.Waived, WaivedOutcome = Outcome.Fail, Waiver = Results.NurseWaiver });

        var text = Markdown(result);

        Assert.Contains("No finding needs attention: every rule passed, or its finding is waived (see Waived findings).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Every rule passed.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-07-01", null, "Rule version in force from 2026-07-01.")]
    [InlineData("2026-01-01", "2026-06-30", "Rule version in force from 2026-01-01 to 2026-06-30.")]
    [InlineData(null, "2026-06-30", "Rule version in force until 2026-06-30.")]
    public void FindingOfADatedRule_ShowsTheVersionInForce(string? from, string? to, string expected)
    {
        var version = new RuleVersion(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var result = Results.Of(Results.NurseRatioFail() with { Version = version });

        Assert.Contains($"Severity **major**, subject `agency`. {expected}", Lines(Markdown(result)));
        Assert.Equal(expected, Document(result).Findings[0].Version);
    }

    [Fact]
    public void FindingOfAnUndatedRule_ShowsNoVersion()
    {
        Assert.Null(Document(Results.Credentialing()).Findings[0].Version);
        Assert.DoesNotContain("Rule version", Markdown(Results.Credentialing()), StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_WaivedBlocks_CarryTheOutcomeBeforeAndTheWaiver()
    {
        var document = Document(Results.Waived());

        Assert.Equal(["PC-HOURS", "STAFF-PEER-RATIO"], document.Findings.Select(f => f.RuleId));
        Assert.Equal(["CRED-NURSE", "STAFF-NURSE-RATIO"], document.Waived.Select(f => f.RuleId));
        var nurse = document.Waived[1];
        Assert.Equal(Outcome.Waived, nurse.Outcome);
        Assert.Equal("Outcome before the waiver: Fail", nurse.WaivedOutcome);
        Assert.Equal(new Fact("Justification", "Two nurse care managers start on 2026-10-15; offer letters on file."), nurse.Justification);
        Assert.Equal(
            [
                new Fact("Requested by", "Dana Director (LMHA-RV)"),
                new Fact("Approved by", "J. Smith (ABH)"),
                new Fact("Approved on", "2026-09-20"),
                new Fact("Valid through", "2026-12-31"),
                new Fact("Waiver", "waivers.yaml:3"),
            ],
            nurse.Waiver);
        Assert.Equal("not recorded", document.Waived[0].Waiver.Single(f => f.Label == "Approved on").Value);
        Assert.Empty(document.Findings[0].Waiver);
        Assert.Null(document.Findings[0].Justification);
    }

    [Fact]
    public void Pdf_WaiversNotApplied_AreLinesWithTheirStatus()
    {
        Assert.Equal(
            [
                new WaiverLine("waivers.yaml:23", "STAFF-DIRECTOR-RATIO", "agency", "Matched no finding", "2026-12-31", "J. Smith (ABH)"),
                new WaiverLine("waivers.yaml:17", "STAFF-PEER-RATIO", "every subject", "Expired", "2026-09-15", "J. Smith (ABH)"),
            ],
            Document(Results.Waived()).WaiversNotApplied);
    }

    [Fact]
    public void Pdf_WaivedFindingWithDetails_KeepsItsAppendixTable()
    {
        var document = Document(Results.Waived());

        var appendix = Assert.Single(document.Appendices);
        Assert.Equal("CRED-NURSE", appendix.RuleId);
        Assert.Equal("1 detail row is listed in appendix A.", document.Waived[0].DetailsNote);
    }

    [Fact]
    public void Pdf_Pages_PutTheWaivedSectionAfterTheFindingsOnAPageOfItsOwn()
    {
        var pages = new PdfReport(Document(Results.Waived())).Lay(new TextMeasure());
        var texts = pages.Select(p => p.Texts.ToList()).ToList();

        var findings = texts.FindIndex(t => t.Contains("Findings that need attention"));
        var waived = texts.FindIndex(t => t.Contains("Waived findings"));
        Assert.True(findings > 0 && waived > findings, $"findings on page {findings}, waived on page {waived}");
        Assert.Equal("Waived findings", texts[waived].First(t => t is "Waived findings" or "Findings that need attention"));
        Assert.Contains("Waivers not applied", texts.Skip(waived).SelectMany(t => t));
        Assert.Contains("Outcome before the waiver: Fail", texts[waived]);
        Assert.DoesNotContain(texts[findings], t => t.Contains("STAFF-NURSE-RATIO", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_NoWaivers_HasNoWaiverSection()
    {
        var texts = new PdfReport(Document(Results.Credentialing())).Lay(new TextMeasure()).SelectMany(p => p.Texts).ToList();

        Assert.DoesNotContain("Waived findings", texts);
        Assert.DoesNotContain("Waivers not applied", texts);
    }

    private static ReportDocument Document(AuditResult result) => ReportDocument.Build(result, Results.Tool, Templates.Wording);

    private static JsonElement Finding(JsonDocument json, string ruleId, string subject) =>
        json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("rule_id").GetString() == ruleId && f.GetProperty("subject").GetString() == subject);

    private static byte[] JsonBytes(AuditResult result)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(result, Results.Tool, stream);
        return stream.ToArray();
    }

    private static JsonDocument Json(AuditResult result) => JsonDocument.Parse(JsonBytes(result));

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Markdown(AuditResult result)
    {
        using var writer = new StringWriter();
        Templates.Markdown.Write(result, Results.Tool, writer);
        return writer.ToString();
    }

    private static List<string> Lines(string text) => [.. text.TrimEnd('\n').Split('\n')];
}
