using System.Numerics;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using Outcome = BhhCompliance.Core.Findings.Outcome;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class StaffRatioKindTests
{
    [Fact]
    public void Evaluate_FteBelowTheTolerance_FailsWithTheEvidenceOfRulesMd()
    {
        // The example of cli.md: 812 enrollees at 1:200 require 4.06 FTE; 3.50 is more than 10 % short.
        var snapshot = new SnapshotBuilder().DeclaredCensus(812).Staff("N1", "nurse-care-manager", 2m).Staff("N2", "nurse-care-manager", 1.5m);

        var finding = TestRules.RunSingle(snapshot, TestRules.StaffRatio());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "census", "caseload", "required_fte", "actual_fte");
        EvidenceAssert.Number(finding.Evidence, "census", 812);
        EvidenceAssert.Number(finding.Evidence, "caseload", 200);
        EvidenceAssert.Number(finding.Evidence, "required_fte", 4.06m);
        EvidenceAssert.Number(finding.Evidence, "actual_fte", 3.5m);
        Assert.Equal("Nurse Care Manager FTE is 3.50; 812 enrollees at 1:200 require 4.06.", finding.Message);
        Assert.Empty(finding.Details);
    }

    [Theory]
    [InlineData("4.06", Outcome.Pass)]
    [InlineData("5", Outcome.Pass)]
    [InlineData("4.05", Outcome.Warn)]
    [InlineData("3.654", Outcome.Warn)]
    [InlineData("3.653", Outcome.Fail)]
    [InlineData("0", Outcome.Fail)]
    public void Evaluate_GradesFteAgainstCensusOverCaseload(string fte, Outcome expected)
    {
        // required 812 / 200 = 4.06; warn down to 4.06 * 0.9 = 3.654.
        var snapshot = new SnapshotBuilder().DeclaredCensus(812).Staff("N1", "nurse-care-manager", decimal.Parse(fte, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, TestRules.RunSingle(snapshot, TestRules.StaffRatio()).Outcome);
    }

    [Fact]
    public void Evaluate_ToleranceZero_AnyShortfallFails()
    {
        var snapshot = new SnapshotBuilder().DeclaredCensus(100).Staff("P1", "peer-recovery-specialist", 1.99m);

        var finding = TestRules.RunSingle(snapshot, TestRules.StaffRatio("peer-recovery-specialist", 50, 0m, "STAFF-PEER-RATIO"));

        Assert.Equal(Outcome.Fail, finding.Outcome);
    }

    [Fact]
    public void Evaluate_CensusZero_IsNotApplicable()
    {
        var snapshot = new SnapshotBuilder().DeclaredCensus(0).Staff("N1", "nurse-care-manager");

        var finding = TestRules.RunSingle(snapshot, TestRules.StaffRatio());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "census", 0);
        EvidenceAssert.Number(finding.Evidence, "required_fte", 0);
        Assert.Contains("2026-09-30", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CountsOnlyActiveStaffOfTheRole()
    {
        var snapshot = new SnapshotBuilder()
            .DeclaredCensus(400)
            .Staff("N1", "nurse-care-manager", 1m)
            .Staff("N2", "nurse-care-manager", 0.5m, endDate: Day("2026-09-30"))
            .Staff("N3", "nurse-care-manager", 1m, endDate: Day("2026-09-29"))
            .Staff("N4", "nurse-care-manager", 1m, startDate: Day("2026-10-01"))
            .Staff("B1", "bhh-specialist", 1m);

        var finding = TestRules.RunSingle(snapshot, TestRules.StaffRatio());

        EvidenceAssert.Number(finding.Evidence, "actual_fte", 1.5m);
        EvidenceAssert.Number(finding.Evidence, "required_fte", 2m);
        Assert.Equal(Outcome.Fail, finding.Outcome);
    }

    [Fact]
    public void Evaluate_CensusIsTheEnrolleesEnrolledOnTheAsOfDate_NotTheDeclaredCensus()
    {
        var snapshot = new SnapshotBuilder()
            .DeclaredCensus(5000)
            .Enrollee("E1", Day("2025-01-01"))
            .Enrollee("E2", Day("2026-09-30"))
            .Enrollee("E3", Day("2025-01-01"), Day("2026-09-30"))
            .Enrollee("E4", Day("2025-01-01"), Day("2026-09-29"))
            .Enrollee("E5", Day("2026-10-01"))
            .Staff("N1", "nurse-care-manager", 0.01m);

        var finding = TestRules.RunSingle(snapshot, TestRules.StaffRatio());

        EvidenceAssert.Number(finding.Evidence, "census", 3);
        EvidenceAssert.Number(finding.Evidence, "required_fte", 0.015m);
        Assert.Equal(Outcome.Fail, finding.Outcome);
    }

    [Fact]
    public void Evaluate_NoCensusAtAll_CannotEvaluate()
    {
        var snapshot = new SnapshotBuilder().Staff("N1", "nurse-care-manager");

        var finding = TestRules.RunSingle(snapshot, TestRules.StaffRatio());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "enrollees.csv (or enrollment.census in agency.yaml)");
    }

    [Fact]
    public void Evaluate_FteExactlyCensusOverCaseload_Passes_AndTheSmallestStepBelowWarns()
    {
        // Any caseload; censuses for which census / caseload is a finite decimal, so that staff.csv can hold it.
        var cases =
            from caseload in Gen.Choose(1, 1000)
            from multiple in Gen.Choose(1, 60)
            let census = OddPart(caseload) * multiple
            from split in Gen.Choose(0, 100)
            select (Census: census, Caseload: caseload, Split: split);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var required = c.Census / (decimal)c.Caseload;

            // Split over two staff members; truncating keeps both shares at or above zero.
            var first = Math.Round(required * c.Split / 100m, 2, MidpointRounding.ToZero);
            var atRequired = RatioOutcome(c.Census, c.Caseload, 0.10m, first, required - first);

            // 0.0001 FTE short stays within the 10 % tolerance, since required >= 1/1000.
            var justBelow = RatioOutcome(c.Census, c.Caseload, 0.10m, required - 0.0001m);
            return required * c.Caseload == c.Census && atRequired == Outcome.Pass && justBelow == Outcome.Warn;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Evaluate_WarnFailSplit_MatchesTheExactComparison()
    {
        // FTE in hundredths (staff.csv precision), tolerance in hundredths: the oracle works in
        // integers. Two cases in three sit exactly on, or one hundredth beside, the pass or the
        // warn boundary; for that the caseload is picked among the divisors that make it exact.
        var anywhere =
            from census in Gen.Choose(1, 5000)
            from caseload in Gen.Choose(1, 1000)
            from tolerance in Gen.Choose(0, 100)
            from hundredths in Gen.Choose(0, 2000)
            select (Census: census, Caseload: caseload, Tolerance: tolerance, Hundredths: hundredths);
        var onPassBoundary =
            from census in Gen.Choose(1, 5000)
            from tolerance in Gen.Choose(0, 100)
            from caseload in Gen.Elements(DivisorsUpTo1000(census * 100))
            from step in Gen.Choose(-1, 1)
            select (Census: census, Caseload: caseload, Tolerance: tolerance, Hundredths: (census * 100 / caseload) + step);
        var onWarnBoundary =
            from census in Gen.Choose(1, 5000)
            from tolerance in Gen.Choose(0, 99)
            from caseload in Gen.Elements(DivisorsUpTo1000(census * (100 - tolerance)))
            from step in Gen.Choose(-1, 1)
            select (Census: census, Caseload: caseload, Tolerance: tolerance, Hundredths: (census * (100 - tolerance) / caseload) + step);
        var cases =
            from c in Gen.OneOf(anywhere, onPassBoundary, onWarnBoundary)
            from share in Gen.Choose(0, 100)
            let total = Math.Max(0, c.Hundredths)
            select (c.Census, c.Caseload, c.Tolerance, Ftes: new[] { total * share / 100, total - (total * share / 100) });

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            BigInteger actual = c.Ftes.Sum();
            var expected = actual * c.Caseload >= (BigInteger)c.Census * 100 ? Outcome.Pass
                : actual * c.Caseload * 100 >= (BigInteger)c.Census * 100 * (100 - c.Tolerance) ? Outcome.Warn
                : Outcome.Fail;
            var outcome = RatioOutcome(c.Census, c.Caseload, c.Tolerance / 100m, [.. c.Ftes.Select(f => f / 100m)]);
            return outcome == expected;
        }).CheckThrowOnFailure(300);
    }

    [Fact]
    public void Evaluate_ToleranceBoundary_IsAWarnNotAFail()
    {
        // census 1000, caseload 100: required 10, warn from exactly 9.00.
        Assert.Equal(Outcome.Warn, RatioOutcome(1000, 100, 0.10m, 9m));
        Assert.Equal(Outcome.Fail, RatioOutcome(1000, 100, 0.10m, 8.99m));
        Assert.Equal(Outcome.Pass, RatioOutcome(1000, 100, 0.10m, 10m));
    }

    private static Outcome RatioOutcome(int census, int caseload, decimal tolerance, params decimal[] ftes)
    {
        var snapshot = new SnapshotBuilder().DeclaredCensus(census).WithStaffFile();
        for (var i = 0; i < ftes.Length; i++)
        {
            snapshot.Staff($"S{i}", "bhh-specialist", ftes[i]);
        }

        return TestRules.RunSingle(snapshot, TestRules.StaffRatio("bhh-specialist", caseload, tolerance, "STAFF-SPECIALIST-RATIO")).Outcome;
    }

    private static int[] DivisorsUpTo1000(int number) => [.. Enumerable.Range(1, 1000).Where(d => number % d == 0)];

    /// <summary>The caseload without its factors 2 and 5: census must be a multiple of it for census / caseload to end.</summary>
    private static int OddPart(int caseload)
    {
        while (caseload % 2 == 0)
        {
            caseload /= 2;
        }

        while (caseload % 5 == 0)
        {
            caseload /= 5;
        }

        return caseload;
    }
}
