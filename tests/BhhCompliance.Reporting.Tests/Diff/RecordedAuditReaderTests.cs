using System.Text;
using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Diff;

namespace BhhCompliance.Reporting.Tests.Diff;

/// <summary>Reading a findings.json back: tolerant of keys it does not need, clear about files it cannot compare.</summary>
public sealed class RecordedAuditReaderTests
{
    [Fact]
    public void Read_HandWrittenFile_GivesHeaderAndFindings()
    {
        var audit = new AuditJson().Finding("STAFF-NURSE-RATIO", "not-applicable", evidence: """{ "census": 0, "missing": [] }""").Read();

        Assert.Equal(new RecordedRuleSet("ct-bhh", "2026.1", AuditJson.Sha256), audit.RuleSet);
        Assert.Equal(new RecordedAgency("LMHA-TV", "Test Valley Services"), audit.Agency);
        Assert.Equal(new RecordedReview("credentialing", new DateOnly(2026, 9, 30), new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30)), audit.Review);
        Assert.Equal(Determination.Conditional, audit.Determination);
        var finding = Assert.Single(audit.Findings);
        Assert.Equal((Outcome.NotApplicable, Severity.Major, "agency"), (finding.Outcome, finding.Severity, finding.Subject));
        Assert.Equal(["census", "missing"], finding.Evidence.Select(e => e.Key));
    }

    [Fact]
    public void Read_KeysItDoesNotKnow_AreIgnored()
    {
        var text = new AuditJson()
            .Finding("CRED-NURSE", "waived", "staff:S09", extra: """
                "waived_outcome": "fail", "waiver": { "justification": "RN hired", "approver": "DMHAS", "expires": "2026-12-31" },
                "rule_version": { "effective_from": "2026-01-01", "effective_to": null }, "something_new": [1, 2]
                """)
            .Text()
            .Replace("\"charts\": []", "\"charts\": [{ \"enrollee_id\": \"E01\", \"met\": 3, \"not_met\": 0, \"score\": 1 }], \"appendix\": {}", StringComparison.Ordinal);

        var finding = Assert.Single(AuditJson.Read(text).Findings);

        Assert.Equal((Outcome.Waived, Outcome.Fail), (finding.Outcome, finding.WaivedOutcome));
    }

    [Fact]
    public void Read_AgencyWithoutName_IsAccepted()
    {
        var audit = AuditJson.Read(new AuditJson().Text().Replace("\"name\": \"Test Valley Services\"", "\"name\": null", StringComparison.Ordinal));

        Assert.Equal("LMHA-TV", audit.Agency.ToString());
    }

    [Fact]
    public void Read_ByteOrderMark_IsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(new AuditJson().Finding("PC-HOURS", "pass").Text())).ToArray();

        var read = RecordedAuditReader.Read(new MemoryStream(bytes), "bom.json");

        Assert.Empty(read.Diagnostics);
        Assert.Single(read.Audit!.Findings);
    }

    [Fact]
    public void Read_NotJson_IsOneErrorWithLineAndColumn()
    {
        var read = AuditJson.ReadResult("{\n  \"schema\": \"bhh-findings/1\",\n  findings: []\n}\n", "old.json");

        Assert.Null(read.Audit);
        Assert.Equal(
            ["old.json(3,3): error BHH5002: The file is not JSON, so not a findings.json: 'f' is an invalid start of a property name. Expected a '\"'."],
            read.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_NotUtf8_IsOneErrorAtTheFirstBadByte()
    {
        // "é" in Latin-1, as a spreadsheet or an old editor might save it.
        var bytes = Encoding.UTF8.GetBytes("{\n  \"schema\": \"bhh-findings/1\",\n  \"profile\": \"x\"}").ToList();
        bytes.Insert(bytes.Count - 3, 0xE9);

        var read = RecordedAuditReader.Read(new MemoryStream([.. bytes]), "latin1.json");

        Assert.Equal(
            ["latin1.json(3,15): error BHH5008: The file is not UTF-8 text: the byte 0xE9 cannot start or continue a character here. findings.json is UTF-8; save the file as UTF-8."],
            read.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_EmptyFile_IsNotJson()
    {
        var read = AuditJson.ReadResult(string.Empty, "empty.json");

        Assert.Equal("BHH5002", Assert.Single(read.Diagnostics).Code);
    }

    [Fact]
    public void Read_TwoValuesForOneKey_AreRejected()
    {
        var read = AuditJson.ReadResult("""{ "schema": "bhh-findings/1", "schema": "bhh-findings/1" }""", "twice.json");

        Assert.Equal("BHH5002", Assert.Single(read.Diagnostics).Code);
    }

    [Theory]
    [InlineData("""{ "schema": "bhh-chart-sample/1" }""", "bad.json: error BHH5004: The file's schema is 'bhh-chart-sample/1', not 'bhh-findings/1': it is not a findings.json that this version of bhh can compare.")]
    [InlineData("""{ "findings": [] }""", "bad.json: error BHH5004: The file has no 'schema' key, so it is not a findings.json; 'bhh audit --format json' writes one with \"schema\": \"bhh-findings/1\".")]
    [InlineData("""{ "schema": 1 }""", "bad.json: error BHH5004: The file's schema is 'the number 1', not 'bhh-findings/1': it is not a findings.json that this version of bhh can compare.")]
    [InlineData("""[1, 2]""", "bad.json: error BHH5003: The file holds a list, not a findings.json object; give the file that 'bhh audit --format json' writes.")]
    public void Read_OtherKindOfJson_IsOneError(string text, string expected)
    {
        var read = AuditJson.ReadResult(text, "bad.json");

        Assert.Null(read.Audit);
        Assert.Equal([expected], read.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_MalformedFindings_ReportsEveryProblemWithItsPath()
    {
        var text = new AuditJson()
            .Finding("STAFF-NURSE-RATIO", "passed")
            .Finding("PC-HOURS", "pass", severity: "high")
            .Finding("SVC-DOCUMENTED", "pass", evidence: "[]")
            .Text()
            .Replace("\"as_of\": \"2026-09-30\"", "\"as_of\": \"30/09/2026\"", StringComparison.Ordinal)
            .Replace("\"determination\": \"conditional\",", string.Empty, StringComparison.Ordinal);

        var read = AuditJson.ReadResult(text, "new.json");

        Assert.Null(read.Audit);
        Assert.Equal(
            [
                "new.json: error BHH5006: review.as_of must be a date (YYYY-MM-DD), got '30/09/2026'.",
                "new.json: error BHH5005: 'determination' is missing from the file; a findings.json always has it.",
                "new.json: error BHH5006: findings[0].outcome must be one of pass, warn, fail, not-applicable, cannot-evaluate, not-reviewed, error, waived, got the string 'passed'.",
                "new.json: error BHH5006: findings[1].severity must be one of critical, major, minor, info, got the string 'high'.",
                "new.json: error BHH5006: findings[2].evidence must be an object, got a list.",
            ],
            read.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_SameRuleAndSubjectTwice_IsAnError()
    {
        var text = new AuditJson().Finding("CRED-NURSE", "pass", "staff:S01").Finding("CRED-NURSE", "fail", "staff:S02").Finding("CRED-NURSE", "fail", "staff:S01").Text();

        var read = AuditJson.ReadResult(text, "dup.json");

        Assert.Equal(
            ["dup.json: error BHH5007: findings[0] and findings[2] are both for rule CRED-NURSE and subject staff:S01; findings are matched by rule and subject, so each pair may appear once."],
            read.Diagnostics.Select(d => d.ToString()));
    }
}
