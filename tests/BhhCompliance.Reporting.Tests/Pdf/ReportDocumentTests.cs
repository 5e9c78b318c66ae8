using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>The PDF report's model: which sections, findings and appendix tables it shows, already worded.</summary>
public sealed class ReportDocumentTests
{
    [Fact]
    public void Build_Credentialing_ListsOneBlockPerFindingThatIsNotAPassMostUrgentFirst()
    {
        var document = Build(Results.Credentialing());

        Assert.Equal(
            [
                ("CRED-NURSE", Outcome.Fail),
                ("STAFF-NURSE-RATIO", Outcome.Fail),
                ("PC-HOURS", Outcome.CannotEvaluate),
                ("STAFF-PEER-RATIO", Outcome.Warn),
            ],
            document.Findings.Select(f => (f.RuleId, f.Outcome)));
    }

    [Fact]
    public void Build_EveryOutcome_OrdersBlocksByUrgencyThenSeverityAndLeavesOutPassesAndWaived()
    {
        var result = Results.Of(
            Results.Finding("R-PASS", Outcome.Pass, "passed", severity: Severity.Critical),
            Results.Finding("R-NA", Outcome.NotApplicable, "n/a"),
            Results.Finding("R-WAIVED", Outcome.Waived, "waived"),
            Results.Finding("R-WARN-MINOR", Outcome.Warn, "warn", severity: Severity.Minor),
            Results.Finding("R-WARN-MAJOR", Outcome.Warn, "warn", severity: Severity.Major),
            Results.Finding("R-FAIL-MINOR", Outcome.Fail, "fail", severity: Severity.Minor),
            Results.Finding("R-FAIL-CRITICAL", Outcome.Fail, "fail", severity: Severity.Critical),
            Results.Finding("R-ERROR", Outcome.Error, "error"),
            Results.Finding("R-NOT-REVIEWED", Outcome.NotReviewed, "not reviewed"),
            Results.Finding("R-CANNOT", Outcome.CannotEvaluate, "cannot"));

        var document = Build(result);

        Assert.Equal(
            ["R-ERROR", "R-FAIL-CRITICAL", "R-FAIL-MINOR", "R-CANNOT", "R-WARN-MAJOR", "R-WARN-MINOR", "R-NOT-REVIEWED", "R-NA"],
            document.Findings.Select(f => f.RuleId));
        Assert.Equal(["R-WAIVED"], document.Waived.Select(f => f.RuleId));
        Assert.Equal(10, document.Rules.Count);
    }

    [Fact]
    public void Build_OnlyPasses_HasNoFindingBlocksAndNoAppendix()
    {
        var result = Results.Of(
            Results.Finding("CRED-NURSE", Outcome.Pass, "ok", subject: "staff:S02", details: [Results.StaffRow("S02", "Nora Nurse", "RN", 3)]),
            Results.Finding("TEAM-MINIMUM", Outcome.Pass, "ok", severity: Severity.Critical));

        var document = Build(result);

        Assert.Empty(document.Findings);
        Assert.Empty(document.Appendices);
        Assert.Equal(2, document.Rules.Count);
    }

    [Fact]
    public void Build_Credentialing_BlockOfAStaffFindingHasItsSubjectEvidenceAndDetailsNote()
    {
        var block = Build(Results.Credentialing()).Findings[0];

        Assert.Equal("Nurse Care Manager is a registered nurse", block.Title);
        Assert.Equal(Severity.Major, block.Severity);
        Assert.Equal("Subject: staff:S09", block.Subject);
        Assert.Equal("Morgan Practical (S09), Nurse Care Manager: license type is 'LPN' (needs RN or APRN).", block.Message);
        Assert.Equal([new Fact("license_type", "LPN")], block.Evidence);
        Assert.Equal(Results.StaffCitation, block.Citation);
        Assert.Equal("A Nurse Care Manager must be a registered nurse.", block.Remediation);
        Assert.Equal("1 detail row is listed in appendix A.", block.DetailsNote);
    }

    [Fact]
    public void Build_Credentialing_BlockOfAnAgencyFindingHasNoSubjectAndNoDetailsNote()
    {
        var block = Build(Results.Credentialing()).Findings[1];

        Assert.Equal("STAFF-NURSE-RATIO", block.RuleId);
        Assert.Null(block.Subject);
        Assert.Null(block.DetailsNote);
        Assert.Equal(
            [new Fact("census", "812"), new Fact("caseload", "200"), new Fact("required_fte", "4.06"), new Fact("actual_fte", "3.50")],
            block.Evidence);
    }

    [Fact]
    public void Build_AmountsAndFte_ShowTwoDecimalsAsTheMessageDoes()
    {
        var evidence = new Evidence { ["duplicates"] = 1200, ["amount_at_risk"] = 1185.6m, ["actual_fte"] = 6.1m, ["required_fte"] = 8.14m };

        var block = Build(Results.Of(Results.Finding("BILL-DUPLICATE", Outcome.Fail, "2 duplicate claims; $1,185.60 at risk.", evidence))).Findings[0];

        Assert.Equal(
            [new Fact("duplicates", "1,200"), new Fact("amount_at_risk", "1,185.60"), new Fact("actual_fte", "6.10"), new Fact("required_fte", "8.14")],
            block.Evidence);
    }

    [Fact]
    public void Build_Credentialing_HasOneAppendixForTheOnlyRuleWithDetailRows()
    {
        var appendix = Assert.Single(Build(Results.Credentialing()).Appendices);

        Assert.Equal("A", appendix.Letter);
        Assert.Equal("CRED-NURSE", appendix.RuleId);
        Assert.Equal("A. Staff credential problems, Nurse Care Managers (CRED-NURSE)", appendix.Title);
        Assert.Equal("1 row.", appendix.Count);
        Assert.Equal(["staff_id", "name", "role", "fte", "license_type", "license_expires", "source"], appendix.Columns);
        Assert.Equal([false, false, false, true, false, false, false], appendix.Numeric);
        var row = Assert.Single(appendix.Rows);
        Assert.Equal(["S09", "Morgan Practical", "nurse-care-manager", "0.50", "LPN", string.Empty, "staff.csv:10"], row);
    }

    [Fact]
    public void Build_StaffFindingsOfOneRule_ShareOneAppendixTableWithoutThePasses()
    {
        var result = Results.Of(
            StaffFinding("S02", Outcome.Pass, 3),
            StaffFinding("S09", Outcome.Fail, 10),
            StaffFinding("S10", Outcome.Warn, 11),
            StaffFinding("S11", Outcome.Fail, 12));

        var document = Build(result);

        var appendix = Assert.Single(document.Appendices);
        Assert.Equal("3 rows.", appendix.Count);
        Assert.Equal(["staff.csv:10", "staff.csv:12", "staff.csv:11"], appendix.Rows.Select(r => r[^1]));
        Assert.Equal(
            ["1 detail row is listed in appendix A.", "1 detail row is listed in appendix A.", "1 detail row is listed in appendix A."],
            document.Findings.Select(f => f.DetailsNote));
    }

    [Fact]
    public void Build_SeveralRulesWithDetailRows_LettersTheAppendicesInFindingOrder()
    {
        var result = Results.Of(
            Results.Finding("AAA-WARN", Outcome.Warn, "warn", details: [Row(("a", "w1"))]),
            Results.Finding("BILL-DUPLICATE", Outcome.Fail, "fail", severity: Severity.Minor, details: [Row(("claim_id", "C1")), Row(("claim_id", "C2")), Row(("claim_id", "C3"))]),
            Results.Finding("MMM-FAIL", Outcome.Fail, "fail"),
            Results.Finding("ZZZ-FAIL", Outcome.Fail, "fail", severity: Severity.Critical, details: [Row(("a", "z1")), Row(("a", "z2"))]));

        var document = Build(result);

        Assert.Equal(["ZZZ-FAIL", "MMM-FAIL", "BILL-DUPLICATE", "AAA-WARN"], document.Findings.Select(f => f.RuleId));
        Assert.Equal(
            [("A", "ZZZ-FAIL", 2), ("B", "BILL-DUPLICATE", 3), ("C", "AAA-WARN", 1)],
            document.Appendices.Select(a => (a.Letter, a.RuleId, a.Rows.Count)));
        Assert.Equal(
            ["A. Title of ZZZ-FAIL (ZZZ-FAIL)", "B. Duplicate claims (BILL-DUPLICATE)", "C. Title of AAA-WARN (AAA-WARN)"],
            document.Appendices.Select(a => a.Title));
        Assert.Equal(["2 rows.", "3 rows.", "1 row."], document.Appendices.Select(a => a.Count));
        Assert.Equal(
            ["2 detail rows are listed in appendix A.", null, "3 detail rows are listed in appendix B.", "1 detail row is listed in appendix C."],
            document.Findings.Select(f => f.DetailsNote));
        Assert.All(document.Appendices, a => Assert.Equal("source", a.Columns[^1]));
    }

    [Fact]
    public void Build_DetailRowsWithDifferentFields_UnionTheColumnsAndLeaveMissingCellsEmpty()
    {
        var result = Results.Of(Results.Finding(
            "SVC-DOCUMENTED",
            Outcome.Fail,
            "fail",
            details:
            [
                new DetailRow(new Evidence { ["enrollee_id"] = "E1", ["minutes"] = 12345 }, new SourceLine("services.csv", 2)),
                new DetailRow(new Evidence { ["enrollee_id"] = "E2", ["note_id"] = "N7" }, new SourceLine("services.csv", 3)),
            ]));

        var appendix = Assert.Single(Build(result).Appendices);

        Assert.Equal(["enrollee_id", "minutes", "note_id", "source"], appendix.Columns);
        Assert.Equal([false, true, false, false], appendix.Numeric);
        Assert.Equal(["E1", "12345", string.Empty, "services.csv:2"], appendix.Rows[0]);
        Assert.Equal(["E2", string.Empty, "N7", "services.csv:3"], appendix.Rows[1]);
        Assert.Equal("A. Service records without a progress note (SVC-DOCUMENTED)", appendix.Title);
    }

    [Fact]
    public void Build_NumberColumnWithAFraction_ShowsTwoDecimalsInEveryRow()
    {
        var result = Results.Of(Results.Finding(
            "BILL-DUPLICATE",
            Outcome.Fail,
            "fail",
            details:
            [
                new DetailRow(new Evidence { ["amount"] = 10, ["units"] = 3 }, new SourceLine("claims.csv", 2)),
                new DetailRow(new Evidence { ["amount"] = 12.5m, ["units"] = 12000 }, new SourceLine("claims.csv", 3)),
            ]));

        var appendix = Assert.Single(Build(result).Appendices);

        Assert.Equal([true, true, false], appendix.Numeric);
        Assert.Equal(["10.00", "3", "claims.csv:2"], appendix.Rows[0]);
        Assert.Equal(["12.50", "12000", "claims.csv:3"], appendix.Rows[1]);
    }

    [Fact]
    public void Build_DetailsKeyInTheWording_TitlesTheAppendix()
    {
        var source = TextTemplate.Compile("Custom table for {{rule_id}}", PdfWording.Fields);
        Assert.True(source.Succeeded);
        var templates = new Dictionary<string, TextTemplate>(Templates.BuiltIn.Wording, StringComparer.Ordinal)
        {
            [PdfWording.DetailsPrefix + "ZZZ-FAIL"] = source.Template!,
        };
        var result = Results.Of(Results.Finding("ZZZ-FAIL", Outcome.Fail, "fail", details: [Row(("a", "1"))]));

        var appendix = Assert.Single(ReportDocument.Build(result, Results.Tool, new PdfWording(templates)).Appendices);

        Assert.Equal("A. Custom table for ZZZ-FAIL (ZZZ-FAIL)", appendix.Title);
        Assert.Equal("A. Title of ZZZ-FAIL (ZZZ-FAIL)", Assert.Single(Build(result).Appendices).Title);
    }

    [Fact]
    public void Build_Credentialing_CountsTableHasPassWarnFailAndTheOtherOutcomesPresent()
    {
        var counts = Build(Results.Credentialing()).Counts;

        Assert.Equal([Outcome.Pass, Outcome.Warn, Outcome.Fail, Outcome.CannotEvaluate], counts.Outcomes);
        Assert.Equal([Severity.Critical, Severity.Major, Severity.Minor, Severity.Info], counts.Rows.Select(r => r.Severity));
        Assert.Equal([1, 0, 0, 0], counts.Rows[0].Counts);
        Assert.Equal([2, 1, 2, 1], counts.Rows[1].Counts);
        Assert.Equal([0, 0, 0, 0], counts.Rows[2].Counts);
        Assert.Equal([0, 0, 0, 0], counts.Rows[3].Counts);
        Assert.Equal(3, counts.Total(Outcome.Pass));
        Assert.Equal(2, counts.Total(Outcome.Fail));
        Assert.Equal(1, counts.Total(Outcome.CannotEvaluate));
    }

    [Fact]
    public void Build_OnlyPasses_CountsTableStillHasPassWarnAndFail()
    {
        var counts = Build(Results.Of(Results.Finding("TEAM-MINIMUM", Outcome.Pass, "ok"))).Counts;

        Assert.Equal([Outcome.Pass, Outcome.Warn, Outcome.Fail], counts.Outcomes);
        Assert.Equal([0, 1, 0, 0], counts.Rows.Select(r => r.Counts[0]));
    }

    [Fact]
    public void Build_RareOutcomes_AddTheirColumnsInTheContractOrder()
    {
        var result = Results.Of(
            Results.Finding("R-WAIVED", Outcome.Waived, "waived"),
            Results.Finding("R-ERROR", Outcome.Error, "error", severity: Severity.Minor),
            Results.Finding("R-NA", Outcome.NotApplicable, "n/a"));

        var counts = Build(result).Counts;

        Assert.Equal([Outcome.Pass, Outcome.Warn, Outcome.Fail, Outcome.NotApplicable, Outcome.Error, Outcome.Waived], counts.Outcomes);
        Assert.Equal([0, 0, 0, 0, 1, 0], counts.Rows[2].Counts);
    }

    [Theory]
    [InlineData(Severity.Minor, Determination.Certified, "CERTIFIED", "No critical or major rule failed.")]
    [InlineData(Severity.Major, Determination.Conditional, "CONDITIONAL", "A major rule failed; a corrective action plan is required.")]
    [InlineData(Severity.Critical, Determination.NotCertified, "NOT CERTIFIED", "A critical rule failed.")]
    public void Build_Cover_DeterminationLabelAndMeaningMatchTheDetermination(
        Severity failed, Determination expected, string label, string meaning)
    {
        var result = Results.Of(
            Results.Finding("R-PASS", Outcome.Pass, "ok", severity: Severity.Critical),
            Results.Finding("R-WARN", Outcome.Warn, "warn", severity: Severity.Critical),
            Results.Finding("R-FAIL", Outcome.Fail, "fail", severity: failed));

        var document = Build(result);

        Assert.Equal(expected, document.Cover.Determination);
        Assert.Equal(label, document.Cover.DeterminationLabel);
        Assert.Equal(meaning, document.Cover.DeterminationMeaning);
        Assert.Equal(label, document.Values.Model["determination"]);
        Assert.Equal(meaning, document.Values.Model["determination_meaning"]);
    }

    [Theory]
    [InlineData(Outcome.CannotEvaluate)]
    [InlineData(Outcome.Error)]
    public void Build_SomeFindingNotEvaluated_CoverHasTheCaveat(Outcome outcome)
    {
        var result = Results.Of(
            Results.Finding("R-PASS", Outcome.Pass, "ok"),
            Results.Finding("R-OTHER", outcome, "not evaluated"));

        var caveat = Build(result).Cover.Caveat;

        Assert.Equal("1 finding was not evaluated (cannot evaluate or error); the determination covers only the rules that ran.", caveat);
    }

    [Fact]
    public void Build_TwoFindingsNotEvaluated_CaveatCountsBoth()
    {
        var result = Results.Of(
            Results.Finding("R-CANNOT", Outcome.CannotEvaluate, "cannot"),
            Results.Finding("R-ERROR", Outcome.Error, "error"));

        Assert.Equal(
            "2 findings were not evaluated (cannot evaluate or error); the determination covers only the rules that ran.",
            Build(result).Cover.Caveat);
    }

    [Theory]
    [InlineData(Outcome.Pass)]
    [InlineData(Outcome.Warn)]
    [InlineData(Outcome.Fail)]
    [InlineData(Outcome.NotApplicable)]
    [InlineData(Outcome.NotReviewed)]
    [InlineData(Outcome.Waived)]
    public void Build_EveryFindingEvaluated_CoverHasNoCaveat(Outcome outcome)
    {
        var result = Results.Of(
            Results.Finding("R-PASS", Outcome.Pass, "ok"),
            Results.Finding("R-OTHER", outcome, "evaluated"));

        Assert.Null(Build(result).Cover.Caveat);
    }

    [Fact]
    public void Build_Credentialing_CoverHasTheCountsAndFacts()
    {
        var cover = Build(Results.Credentialing()).Cover;

        Assert.Equal("6 rules evaluated, giving 7 findings: 3 pass, 1 warn, 2 fail, 1 cannot evaluate.", cover.Counts);
        Assert.Equal(
            [
                new Fact("Agency", "River Valley Services (LMHA-RV)"),
                new Fact("Review", "credentialing"),
                new Fact("Review period", "2026-04-01 to 2026-09-30"),
                new Fact("As of", "2026-09-30"),
                new Fact("Profile", "credentialing"),
                new Fact("Rule set", $"ct-bhh 2026.1, sha256 {Results.Sha256}"),
                new Fact("Generated by", "bhh 0.1.0"),
                new Fact("Generated on", "2026-09-30"),
            ],
            cover.Facts);
    }

    [Fact]
    public void Build_AgencyWithoutAName_NamesItByItsId()
    {
        var document = Build(Results.Of([Results.NurseRatioFail()], agencyName: null));

        Assert.Equal(new Fact("Agency", "LMHA-RV"), document.Cover.Facts[0]);
        Assert.Equal("LMHA-RV", document.Values.Model["agency_name"]);
    }

    [Fact]
    public void Build_Credentialing_HasOneRuleLinePerRule()
    {
        var rules = Build(Results.Credentialing()).Rules;

        Assert.Equal(
            ["CRED-NURSE", "PC-HOURS", "STAFF-DIRECTOR-RATIO", "STAFF-NURSE-RATIO", "STAFF-PEER-RATIO", "TEAM-MINIMUM"],
            rules.Select(r => r.RuleId));
        Assert.Equal(
            new RuleLine("CRED-NURSE", "Nurse Care Manager is a registered nurse", "major", Outcome.Fail, "2 staff checked: 1 fail, 1 pass."),
            rules[0]);
    }

    [Fact]
    public void Text_RendersTheWordingWithTheReportsValues()
    {
        var document = Build(Results.Credentialing());

        Assert.Equal("BHH compliance findings report", document.Text("title"));
        Assert.Equal("bhh 0.1.0", document.Text("author"));
        Assert.Equal(
            "River Valley Services (LMHA-RV): credentialing review, 2026-04-01 to 2026-09-30",
            document.Text("header"));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(1, "B")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(51, "AZ")]
    [InlineData(52, "BA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Letter_CountsLikeSpreadsheetColumns(int index, string expected)
    {
        Assert.Equal(expected, ReportDocument.Letter(index));
    }

    private static ReportDocument Build(AuditResult result) => ReportDocument.Build(result, Results.Tool, Templates.Wording);

    private static Finding StaffFinding(string staffId, Outcome outcome, int line) => Results.Finding(
        "CRED-NURSE",
        outcome,
        $"{staffId}: license checked.",
        subject: Finding.StaffSubject(staffId),
        details: [Results.StaffRow(staffId, $"Staff {staffId}", "LPN", line)],
        title: "Nurse Care Manager is a registered nurse");

    private static DetailRow Row(params (string Key, string Value)[] fields)
    {
        var evidence = new Evidence();
        foreach (var (key, value) in fields)
        {
            evidence[key] = value;
        }

        return new DetailRow(evidence, new SourceLine("claims.csv", 2));
    }
}
