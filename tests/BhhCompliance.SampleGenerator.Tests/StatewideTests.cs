using System.Text.RegularExpressions;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.Snapshots;

namespace BhhCompliance.SampleGenerator.Tests;

/// <summary>A small statewide data set, written once for the tests that only read it.</summary>
public sealed class SmallState : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public SmallState()
    {
        Summary = StatewideGenerator.Generate(Request, Folder, parallelism: 2);
    }

    internal static StatewideRequest Request { get; } = new(Agencies: 3, Enrollees: 600, Services: 30_000, Seed: 11, ReviewType: "credentialing");

    internal StatewideSummary Summary { get; }

    internal string Folder => _temp.Sub("state");

    public void Dispose() => _temp.Dispose();
}

public sealed partial class StatewideTests(SmallState state) : IClassFixture<SmallState>
{
    [Fact]
    public void Generate_SameRequest_WritesIdenticalBytesWhateverTheParallelism()
    {
        using var temp = new TemporaryFolder();
        var folder = temp.Sub("state");

        StatewideGenerator.Generate(SmallState.Request, folder, parallelism: 1);
        var first = ReadTree(folder);
        Directory.Delete(folder, recursive: true);
        StatewideGenerator.Generate(SmallState.Request, folder, parallelism: 4);
        var second = ReadTree(folder);

        Assert.Equal(first.Keys, second.Keys);
        Assert.Contains("README.txt", first.Keys);
        Assert.All(first, file => Assert.True(file.Value.AsSpan().SequenceEqual(second[file.Key]), $"{file.Key} differs between runs."));
    }

    [Fact]
    public void Generate_DifferentSeed_WritesDifferentServices()
    {
        using var temp = new TemporaryFolder();
        var folder = temp.Sub("state");

        StatewideGenerator.Generate(SmallState.Request with { Seed = 12 }, folder, parallelism: 2);

        Assert.NotEqual(AllServices(state.Folder), AllServices(folder));
    }

    [Fact]
    public void Generate_SmallState_WritesOneFolderPerAgencyInOrderAndAReadme()
    {
        var folders = Directory.GetDirectories(state.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(3, folders.Count);
        Assert.All(folders, name => Assert.Matches(FolderName(), name));
        Assert.Equal(["01", "02", "03"], folders.Select(f => f![..2]));
        Assert.Equal(state.Summary.Agencies.Select(a => a.Agency.Folder), folders);
        Assert.StartsWith("01-lmha-", folders[0], StringComparison.Ordinal);
        Assert.Equal(["README.txt"], Directory.GetFiles(state.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Generate_SmallState_ReachesTheServiceTargetAndSplitsEveryEnrollee()
    {
        var summary = state.Summary;
        var services = Directory.GetDirectories(state.Folder).Sum(f => CsvFile.Read(Path.Join(f, "services.csv")).Rows.Count);

        Assert.Equal(summary.Services, services);
        Assert.InRange(services, 29_100, 30_900);
        Assert.Equal(600, summary.Enrollees);
        Assert.All(summary.Agencies, a => Assert.InRange(a.Agency.Request.Enrollees, StatewideRequest.MinimumAgencyEnrollees, 600));
    }

    [Fact]
    public void Generate_SmallState_ClaimsAboutOneEnrolledMonthWithServices()
    {
        foreach (var agency in Directory.GetDirectories(state.Folder))
        {
            var services = CsvFile.Read(Path.Join(agency, "services.csv"));
            var claims = CsvFile.Read(Path.Join(agency, "claims.csv"));
            var servedMonths = services.Rows.Select(r => (services.Field(r, "enrollee_id"), services.Field(r, "date")[..7])).ToHashSet();
            var claimed = claims.Rows.Select(r => (claims.Field(r, "enrollee_id"), claims.Field(r, "month"))).ToHashSet();

            // Every served month is claimed; the only other claims are the planted unsubstantiated ones.
            Assert.Subset(claimed, servedMonths);
            Assert.InRange(claimed.Count - servedMonths.Count, 0, 20);
        }
    }

    [Fact]
    public void Generate_SmallState_IdsNeverCollideAcrossAgencies()
    {
        var agencies = Directory.GetDirectories(state.Folder).Order(StringComparer.Ordinal).ToList();

        foreach (var (file, column) in new[] { ("staff.csv", "staff_id"), ("enrollees.csv", "enrollee_id"), ("claims.csv", "claim_id"), ("services.csv", "note_id") })
        {
            var ids = agencies.Select(a =>
            {
                var csv = CsvFile.Read(Path.Join(a, file));
                return csv.Rows.Select(r => csv.Field(r, column)).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            }).ToList();
            var all = ids.SelectMany(i => i).ToList();
            Assert.True(all.Count > agencies.Count, $"{file} has too few {column}s to compare.");
            Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Generate_SmallState_TheShippedRulesReachEveryAgencysPlannedDetermination()
    {
        // README.txt promises each agency's determination under a credentialing review: the real
        // rule set and engine must reach it, so a changed rule or generator cannot drift apart silently.
        var ruleSet = new RuleSetLoader(RuleKindCatalog.Standard).Load(BuiltInRuleSource.Instance).RuleSet!;
        var engine = new AuditEngine(RuleKindCatalog.Standard);

        foreach (var agency in state.Summary.Agencies)
        {
            var snapshot = new SnapshotLoader().Load(Path.Join(state.Folder, agency.Agency.Folder)).Snapshot!;

            var result = engine.Run(ruleSet, ruleSet.FindProfile(snapshot.Review.Type)!, snapshot);

            Assert.Equal(agency.Agency.ExpectedDetermination, result.Determination.Name());
        }
    }

    [Fact]
    public void Generate_SmallState_EveryAgencyLoadsWithoutErrors()
    {
        var lmhas = new HashSet<string>(StringComparer.Ordinal);
        var trackers = new List<string>();
        foreach (var agency in state.Summary.Agencies)
        {
            var folder = Path.Join(state.Folder, agency.Agency.Folder);

            var result = new SnapshotLoader().Load(folder);

            Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics.Where(d => d.IsError)));
            Assert.All(result.Diagnostics, d => Assert.Equal("BHH2302", d.Code));
            var snapshot = result.Snapshot!;
            Assert.Equal(agency.Agency.Request.Enrollees, snapshot.Enrollees!.Rows.Count);
            Assert.Equal(agency.Claims, snapshot.Claims!.Rows.Count);
            Assert.Equal(new DateOnly(2025, 10, 1), snapshot.Review.Period.Start);
            Assert.Equal(new DateOnly(2026, 9, 30), snapshot.Review.AsOf);
            if (snapshot.Agency.Type == "lmha")
            {
                lmhas.Add(snapshot.Agency.Id);
            }
            else
            {
                Assert.Contains(snapshot.Agency.ParentLmha!, lmhas);
            }

            trackers.Add(File.Exists(Path.Join(folder, "pc-tracker.xlsx")) ? "xlsx" : "csv");
        }

        // Agency 3 keeps its tracker as a spreadsheet, so both readers are exercised.
        Assert.Equal(["csv", "csv", "xlsx"], trackers);
    }

    [Fact]
    public void Build_DefaultState_LaysOutLmhasAffiliatesAndQualities()
    {
        var request = new StatewideRequest(30, 20_000, 2_000_000, StatewideRequest.DefaultSeed, "credentialing");

        var agencies = StatewidePlan.Build(request, "/tmp/state");

        Assert.Equal(30, agencies.Count);
        Assert.Equal(20_000, agencies.Sum(a => a.Request.Enrollees));
        Assert.Equal(2_000_000, agencies.Sum(a => a.ServiceTarget));
        Assert.Equal(agencies.Select(a => a.Folder).Order(StringComparer.Ordinal), agencies.Select(a => a.Folder));
        var lmhas = agencies.Where(a => a.Request.Scenario.AgencyType == "lmha").ToList();
        var affiliates = agencies.Where(a => a.Request.Scenario.AgencyType == "affiliate").ToList();
        Assert.Equal(10, lmhas.Count);
        Assert.Contains(lmhas, a => a.Request.Enrollees >= 1_500);
        Assert.All(affiliates, a => Assert.InRange(a.Request.Enrollees, 100, 400));
        Assert.All(affiliates, a => Assert.Contains(a.Request.Scenario.ParentLmha, lmhas.Select(l => l.Request.Scenario.AgencyId)));
        Assert.Equal(30, agencies.Select(a => a.Request.Scenario.IdPrefix).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(30, agencies.Select(a => a.Request.Seed).Distinct().Count());
        Assert.All(agencies, a => Assert.InRange(a.Request.Scenario.BriefContacts, 300, 1_200));
        Assert.Equal(3, agencies.Count(a => a.ExpectedDetermination == "not-certified"));
        Assert.Equal(12, agencies.Count(a => a.ExpectedDetermination == "conditional"));
        Assert.Equal(6, agencies.Count(a => a.Request.Scenario.PcTrackerAsXlsx));
    }

    [Fact]
    public void Build_FailingAgency_LeavesOneCoreRoleWithNobody()
    {
        var request = new StatewideRequest(30, 20_000, 2_000_000, StatewideRequest.DefaultSeed, "credentialing");

        var failing = StatewidePlan.Build(request, "/tmp/state").Where(a => a.ExpectedDetermination == "not-certified").ToList();

        Assert.NotEmpty(failing);
        Assert.All(failing, a => Assert.Single(a.Request.Scenario.Staffing, s => s.CoveragePercent == 0 && s.MinimumHeadcount == 0 && s.MinimumFte == 0));
    }

    [Fact]
    public void Apportion_Weights_SplitsTheTotalExactlyAndInProportion()
    {
        var parts = StatewidePlan.Apportion(1_000, [1, 1, 1]);

        Assert.Equal([334, 333, 333], parts);
        Assert.Equal([0, 0], StatewidePlan.Apportion(10, [0, 0]));
        Assert.Equal([2_000_000_000_000, 1_000_000_000_000], StatewidePlan.Apportion(3_000_000_000_000, [2_000_000, 1_000_000]));
    }

    [Fact]
    public void BriefContacts_LeaveMonthsShortOfTheHourAndPlantedClaimsAlone()
    {
        using var temp = new TemporaryFolder();
        var plain = GenerationRequest.Default(Scenarios.RiverValley);
        var dense = plain with { Scenario = Scenarios.RiverValley with { BriefContacts = 600 } };

        SnapshotGenerator.Generate(plain, temp.Sub("plain"));
        SnapshotGenerator.Generate(dense, temp.Sub("dense"));
        var plainServices = CsvFile.Read(Path.Join(temp.Sub("plain"), "services.csv")).Rows.Count;
        var denseServices = CsvFile.Read(Path.Join(temp.Sub("dense"), "services.csv")).Rows.Count;

        // About six more records in each month that has its hour, and each partial month.
        Assert.InRange(denseServices - plainServices, 5 * 2_000, 7 * 2_400);

        // Brief contacts go only to months that have the hour already, so about the same share
        // of months stays short (the committed sample: 104 of 2,158).
        Assert.InRange(ShortMonths(temp.Sub("dense")), 0.035, 0.065);
        Assert.Equal(Unsubstantiated(temp.Sub("plain")), Unsubstantiated(temp.Sub("dense")));
        Assert.Equal(4, Unsubstantiated(temp.Sub("dense")));
    }

    [Fact]
    public void Expect_CommittedSample_PredictsItsServices()
    {
        var scenario = Scenarios.RiverValley;
        var enrollees = Enrolment.Build(scenario, scenario.DefaultEnrollees, SplitMix64.ForStream(scenario.DefaultSeed, SnapshotGenerator.EnrolmentStream));

        var expected = ServiceStream.Expect(scenario, enrollees);

        // samples/river-valley/services.csv has 6,170 records.
        Assert.InRange(expected.Services, 6_170 * 0.97m, 6_170 * 1.03m);
    }

    [GeneratedRegex("^[0-9]{2}-(lmha|aff)-[a-z0-9-]+$")]
    private static partial Regex FolderName();

    private static SortedDictionary<string, byte[]> ReadTree(string folder) =>
        new(
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes),
            StringComparer.Ordinal);

    private static byte[] AllServices(string folder) =>
        [.. Directory.GetDirectories(folder).Order(StringComparer.Ordinal).SelectMany(f => File.ReadAllBytes(Path.Join(f, "services.csv")))];

    /// <summary>The share of full enrolled months (April to September 2026) with under 60 minutes of service.</summary>
    private static double ShortMonths(string folder)
    {
        var enrollees = CsvFile.Read(Path.Join(folder, "enrollees.csv"));
        var services = CsvFile.Read(Path.Join(folder, "services.csv"));
        var minutes = services.Rows
            .GroupBy(r => (services.Field(r, "enrollee_id"), services.Field(r, "date")[..7]))
            .ToDictionary(g => g.Key, g => g.Sum(r => int.Parse(services.Field(r, "minutes"), System.Globalization.CultureInfo.InvariantCulture)));
        int full = 0, short_ = 0;
        foreach (var row in enrollees.Rows)
        {
            var id = enrollees.Field(row, "enrollee_id");
            var from = enrollees.Date(row, "enrolled_on");
            var to = enrollees.OptionalDate(row, "disenrolled_on");
            for (var month = new DateOnly(2026, 4, 1); month <= new DateOnly(2026, 9, 1); month = month.AddMonths(1))
            {
                if (from <= month && (to is null || to >= month.AddMonths(1).AddDays(-1)))
                {
                    full++;
                    short_ += minutes.GetValueOrDefault((id, month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))) < 60 ? 1 : 0;
                }
            }
        }

        return (double)short_ / full;
    }

    /// <summary>Claims whose enrollee month has no service with a note (BILL-SUBSTANTIATED).</summary>
    private static int Unsubstantiated(string folder)
    {
        var services = CsvFile.Read(Path.Join(folder, "services.csv"));
        var claims = CsvFile.Read(Path.Join(folder, "claims.csv"));
        var documented = services.Rows
            .Where(r => services.Field(r, "note_id").Length > 0)
            .Select(r => (services.Field(r, "enrollee_id"), services.Field(r, "date")[..7]))
            .ToHashSet();
        return claims.Rows.Count(r => !documented.Contains((claims.Field(r, "enrollee_id"), claims.Field(r, "month"))));
    }
}
