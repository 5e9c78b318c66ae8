using System.Text.Json;
using System.Text.RegularExpressions;
using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary>findings.json exactly as cli.md shows it, from an audit of the snapshot with failures.</summary>
public sealed partial class FindingsJsonShapeTests : IDisposable
{
    private readonly SnapshotBuilder _builder = SnapshotBuilder.WithFailures();
    private readonly SnapshotFolder _snapshot;
    private readonly FindingsDocument _findings;

    public FindingsJsonShapeTests()
    {
        _snapshot = _builder.Build();
        var run = Bhh.Run("audit", _snapshot.Path, "--format", "json", "--out", _snapshot.Out("findings.json"));
        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        _findings = FindingsDocument.Read(_snapshot.Out("findings.json"));
    }

    public void Dispose()
    {
        _findings.Dispose();
        _snapshot.Dispose();
    }

    [Fact]
    public void TopLevelKeys_AreInTheDocumentedOrder()
    {
        Assert.Equal(
            ["schema", "tool", "rule_set", "profile", "agency", "review", "determination", "summary", "findings", "charts", "waivers", "rules_not_in_force"],
            FindingsDocument.Keys(_findings.Root));
    }

    [Fact]
    public void Waivers_AreAnEmptyListWithoutWaiversFile()
    {
        var waivers = _findings.Root.GetProperty("waivers");

        Assert.Equal(JsonValueKind.Array, waivers.ValueKind);
        Assert.Equal(0, waivers.GetArrayLength());
    }

    [Fact]
    public void Charts_AreAnEmptyListWhenNoChartIsUnderReview()
    {
        using var snapshot = SnapshotBuilder.Clean().Without(SnapshotBuilder.ChartEventsFile).Without(SnapshotBuilder.AttestationsFile).Build();
        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");
        using var findings = new FindingsDocument(run.Out);

        var charts = findings.Root.GetProperty("charts");

        Assert.Equal(JsonValueKind.Array, charts.ValueKind);
        Assert.Equal(0, charts.GetArrayLength());
    }

    [Fact]
    public void Header_NamesToolRuleSetProfileAgencyAndReview()
    {
        var root = _findings.Root;
        Assert.Equal("bhh-findings/1", root.GetProperty("schema").GetString());

        var tool = root.GetProperty("tool");
        Assert.Equal(["name", "version"], FindingsDocument.Keys(tool));
        Assert.Equal("bhh", tool.GetProperty("name").GetString());
        Assert.Equal("0.1.0", tool.GetProperty("version").GetString());

        var ruleSet = root.GetProperty("rule_set");
        Assert.Equal(["name", "version", "sha256"], FindingsDocument.Keys(ruleSet));
        Assert.Equal("ct-bhh", ruleSet.GetProperty("name").GetString());
        Assert.Equal("2026.1", ruleSet.GetProperty("version").GetString());
        Assert.Matches("^[0-9a-f]{64}$", ruleSet.GetProperty("sha256").GetString());

        Assert.Equal("self-check", root.GetProperty("profile").GetString());

        var agency = root.GetProperty("agency");
        Assert.Equal(["id", "name"], FindingsDocument.Keys(agency));
        Assert.Equal("LMHA-TV", agency.GetProperty("id").GetString());
        Assert.Equal("Test Valley Services", agency.GetProperty("name").GetString());

        var review = root.GetProperty("review");
        Assert.Equal(["type", "as_of", "period_start", "period_end"], FindingsDocument.Keys(review));
        Assert.Equal("self-check", review.GetProperty("type").GetString());
        Assert.Equal("2026-09-30", review.GetProperty("as_of").GetString());
        Assert.Equal("2026-04-01", review.GetProperty("period_start").GetString());
        Assert.Equal("2026-09-30", review.GetProperty("period_end").GetString());
    }

    [Fact]
    public void Determination_IsConditionalForMajorFailures()
    {
        Assert.Equal("conditional", _findings.Root.GetProperty("determination").GetString());
    }

    [Fact]
    public void Summary_HasAllEightOutcomesInOrderWithTheirCounts()
    {
        var summary = _findings.Root.GetProperty("summary");

        Assert.Equal(
            ["pass", "warn", "fail", "not_applicable", "cannot_evaluate", "not_reviewed", "error", "waived"],
            FindingsDocument.Keys(summary));
        Assert.Equal([22, 3, 9, 0, 0, 0, 0, 0], summary.EnumerateObject().Select(p => p.Value.GetInt32()));
        Assert.Equal(34, _findings.Findings.Count);
    }

    [Fact]
    public void EveryFinding_HasTheDocumentedKeysInOrder()
    {
        Assert.All(_findings.Findings, finding => Assert.Equal(
            ["rule_id", "title", "severity", "outcome", "subject", "message", "evidence", "citation", "details"],
            FindingsDocument.Keys(finding)));
    }

    [Fact]
    public void Findings_AreSortedByRuleIdThenSubject()
    {
        var keys = _findings.Findings
            .Select(f => (Rule: f.GetProperty("rule_id").GetString()!, Subject: f.GetProperty("subject").GetString()!))
            .ToList();
        var sorted = keys.OrderBy(k => k.Rule, StringComparer.Ordinal).ThenBy(k => k.Subject, StringComparer.Ordinal).ToList();

        Assert.Equal(sorted, keys);
        Assert.Equal(
            ["staff:S02", "staff:S07", "staff:S09"],
            keys.Where(k => k.Rule == "CRED-LICENSE-CURRENT").Select(k => k.Subject));
    }

    [Fact]
    public void Finding_CarriesRuleWordingAndOutcome()
    {
        var nurse = _findings.Finding("STAFF-NURSE-RATIO");

        Assert.Equal("Nurse Care Manager staffing meets 1:200", nurse.GetProperty("title").GetString());
        Assert.Equal("major", nurse.GetProperty("severity").GetString());
        Assert.Equal("fail", nurse.GetProperty("outcome").GetString());
        Assert.Equal("Nurse Care Manager FTE is 0.10; 25 enrollees at 1:200 require 0.13.", nurse.GetProperty("message").GetString());
        Assert.Equal("DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff", nurse.GetProperty("citation").GetString());
        Assert.Equal(JsonValueKind.Array, nurse.GetProperty("details").ValueKind);
        Assert.Equal(0, nurse.GetProperty("details").GetArrayLength());
    }

    [Fact]
    public void StaffFindings_HaveAStaffSubject()
    {
        Assert.Equal("fail", _findings.Outcome("CRED-NURSE", "staff:S09"));
        Assert.Equal("pass", _findings.Outcome("CRED-NURSE", "staff:S02"));
        Assert.Equal("fail", _findings.Outcome("CRED-DIRECTOR", "staff:S01"));
        Assert.Equal("warn", _findings.Outcome("CRED-LICENSE-EXPIRING", "staff:S02"));
    }

    [Theory]
    [InlineData("STAFF-NURSE-RATIO", "required_fte", "0.13")] // 25 / 200 = 0.125, half away from zero
    [InlineData("STAFF-NURSE-RATIO", "actual_fte", "0.1")] // 0.05 + 0.05, no trailing zero
    [InlineData("STAFF-DIRECTOR-RATIO", "required_fte", "0.03")] // 0.025
    [InlineData("STAFF-ADMIN-RATIO", "required_fte", "0.03")] // 0.03125
    [InlineData("STAFF-TRANSITION-RATIO", "required_fte", "0.08")] // 0.08333...
    [InlineData("STAFF-PEER-RATIO", "required_fte", "0.5")]
    [InlineData("STAFF-PEER-RATIO", "actual_fte", "0.45")]
    [InlineData("STAFF-DIRECTOR-RATIO", "actual_fte", "1")] // 1.0 in staff.csv
    [InlineData("STAFF-NURSE-RATIO", "census", "25")]
    [InlineData("SVC-MONTHLY-MINIMUM", "rate", "0.99")] // 143 / 144 = 0.9930...
    [InlineData("PC-HOURS", "actual_hours", "12.5")] // 750 minutes
    [InlineData("PC-HOURS", "required_hours", "12")] // 144 member months / 12
    [InlineData("BILL-DUPLICATE", "amount_at_risk", "250")] // 250.00 in claims.csv
    public void EvidenceNumber_IsRoundedToTwoPlacesWithoutTrailingZeros(string ruleId, string key, string expected)
    {
        Assert.Equal(expected, _findings.Evidence(ruleId, key));
    }

    [Fact]
    public void EveryNumberInTheFile_HasAtMostTwoDecimalsAndNoTrailingZero()
    {
        var numbers = new List<string>();
        Collect(_findings.Root, numbers);

        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Matches(PlainNumber(), n));
    }

    [Fact]
    public void EvidenceLists_AreJsonArrays()
    {
        Assert.Equal("[]", _findings.Evidence("SVC-CORE-SERVICES", "missing"));
        Assert.Equal("[]", _findings.Evidence("TEAM-MINIMUM", "missing"));
    }

    [Fact]
    public void MissingServices_AreAJsonArrayInProgramOrder()
    {
        using var snapshot = SnapshotBuilder.Clean()
            .MapRows(SnapshotBuilder.ServicesFile, row => row
                .Replace(",family-support,", ",care-coordination,", StringComparison.Ordinal)
                .Replace(",care-management,", ",health-promotion,", StringComparison.Ordinal))
            .Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");

        using var findings = new FindingsDocument(run.Out);
        var missing = findings.Finding("SVC-CORE-SERVICES").GetProperty("evidence").GetProperty("missing");
        Assert.Equal(JsonValueKind.Array, missing.ValueKind);
        Assert.Equal(["care-management", "family-support"], missing.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("fail", findings.Outcome("SVC-CORE-SERVICES"));
    }

    [Fact]
    public void Details_UseTheSnapshotColumnsAndCarryTheirSourceLine()
    {
        var row = Assert.Single(_findings.Finding("SVC-DOCUMENTED").GetProperty("details").EnumerateArray());

        Assert.Equal(["enrollee_id", "date", "service", "minutes", "procedure_code", "staff_id", "note_id", "source"], FindingsDocument.Keys(row));
        Assert.Equal("E01", row.GetProperty("enrollee_id").GetString());
        Assert.Equal("2026-04-10", row.GetProperty("date").GetString());
        Assert.Equal("60", row.GetProperty("minutes").GetRawText());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("note_id").ValueKind);
        Assert.Equal($"services.csv:{_builder.LineOf(SnapshotBuilder.ServicesFile, "E01,2026-04-10,")}", row.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("BILL-DUPLICATE", "agency", "claims.csv", "C-DUP,")]
    [InlineData("BILL-SUBSTANTIATED", "agency", "claims.csv", "C-E01-2026-04,")]
    [InlineData("PC-NOT-BILLED", "agency", "pc-tracker.csv", "2026-06-20,")]
    [InlineData("CRED-NURSE", "staff:S09", "staff.csv", "S09,")]
    [InlineData("CRED-DIRECTOR", "staff:S01", "staff.csv", "S01,")]
    [InlineData("SVC-MONTHLY-MINIMUM", "agency", "enrollees.csv", "E02,")]
    public void DetailRow_SourceIsFileColonPhysicalLine(string ruleId, string subject, string file, string rowPrefix)
    {
        var row = Assert.Single(_findings.Finding(ruleId, subject).GetProperty("details").EnumerateArray());

        Assert.Equal($"{file}:{_builder.LineOf(file, rowPrefix)}", row.GetProperty("source").GetString());
        Assert.Equal("source", FindingsDocument.Keys(row)[^1]);
    }

    [Fact]
    public void DuplicateClaimDetail_NamesTheClaimItRepeats()
    {
        var row = Assert.Single(_findings.Finding("BILL-DUPLICATE").GetProperty("details").EnumerateArray());

        Assert.Equal(["claim_id", "enrollee_id", "month", "amount", "duplicate_of", "source"], FindingsDocument.Keys(row));
        Assert.Equal("C-DUP", row.GetProperty("claim_id").GetString());
        Assert.Equal("C-E03-2026-06", row.GetProperty("duplicate_of").GetString());
        Assert.Equal("250", row.GetProperty("amount").GetRawText());
    }

    [Fact]
    public void File_UsesLfLineEndingsAndEndsWithOne()
    {
        var bytes = File.ReadAllBytes(_snapshot.Out("findings.json"));

        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
    }

    [Fact]
    public void TwoRuns_GiveTheSameBytes()
    {
        var second = _snapshot.Out("second.json");
        var run = Bhh.Run("audit", _snapshot.Path, "--format", "json", "--out", second);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Equal(File.ReadAllBytes(_snapshot.Out("findings.json")), File.ReadAllBytes(second));
    }

    [Fact]
    public void JsonOnStdout_IsTheSameAsTheFile()
    {
        var run = Bhh.Run("audit", _snapshot.Path, "--format", "json");

        Assert.Equal(File.ReadAllText(_snapshot.Out("findings.json")), run.Out);
    }

    private static void Collect(JsonElement element, List<string> numbers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, numbers);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, numbers);
                }

                break;
            case JsonValueKind.Number:
                numbers.Add(element.GetRawText());
                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]?[1-9])?$")]
    private static partial Regex PlainNumber();
}
