using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Tests;

namespace BhhCompliance.SampleGenerator.Tests;

public sealed class SnapshotGeneratorTests
{
    public static TheoryData<string> ScenarioNames() => [.. Scenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generate_SameArgumentsTwice_WritesIdenticalBytes(string name)
    {
        using var temp = new TemporaryFolder();
        var request = GenerationRequest.Default(Scenarios.Find(name)!) with { Seed = 42 };
        var folder = temp.Sub("snapshot");

        SnapshotGenerator.Generate(request, folder);
        var first = ReadAll(folder);
        SnapshotGenerator.Generate(request, folder);
        var second = ReadAll(folder);

        Assert.Equal(first.Keys, second.Keys);
        Assert.Contains("chart-events.csv", first.Keys);
        Assert.All(first, file => Assert.True(file.Value.AsSpan().SequenceEqual(second[file.Key]), $"{file.Key} differs between runs."));
    }

    [Fact]
    public void Generate_DifferentSeeds_WriteDifferentServices()
    {
        using var temp = new TemporaryFolder();
        var scenario = Scenarios.RiverValley;

        SnapshotGenerator.Generate(new GenerationRequest(scenario, 1, 60), temp.Sub("one"));
        SnapshotGenerator.Generate(new GenerationRequest(scenario, 2, 60), temp.Sub("two"));

        Assert.NotEqual(
            File.ReadAllBytes(Path.Join(temp.Sub("one"), "services.csv")),
            File.ReadAllBytes(Path.Join(temp.Sub("two"), "services.csv")));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generate_DefaultRequest_ReproducesTheCommittedSample(string name)
    {
        var scenario = Scenarios.Find(name)!;
        using var temp = new TemporaryFolder();

        SnapshotGenerator.Generate(GenerationRequest.Default(scenario), temp.Path);

        AssertSameFiles(Path.Join(RepositoryPaths.Root, scenario.DefaultFolder), temp.Path);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generate_DefaultRequest_LoadsWithoutErrors(string name)
    {
        var scenario = Scenarios.Find(name)!;
        using var temp = new TemporaryFolder();
        var summary = SnapshotGenerator.Generate(GenerationRequest.Default(scenario), temp.Path);

        var result = new SnapshotLoader().Load(temp.Path);

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var snapshot = result.Snapshot!;
        Assert.Equal(scenario.AgencyId, snapshot.Agency.Id);
        Assert.Equal(scenario.DefaultEnrollees, snapshot.Enrollees!.Rows.Count);
        Assert.Equal(RowsOf(summary, "staff.csv"), snapshot.Staff!.Rows.Count);
        Assert.Equal(RowsOf(summary, "claims.csv"), snapshot.Claims!.Rows.Count);
        Assert.Equal(RowsOf(summary, scenario.PcTrackerAsXlsx ? "pc-tracker.xlsx" : "pc-tracker.csv"), snapshot.PcTracker!.Rows.Count);
        Assert.Equal(RowsOf(summary, "chart-events.csv"), snapshot.ChartEvents!.Rows.Count);

        // The only warnings are the planted enrollees not yet seen (BHH2302), one per enrollee.
        var warnings = result.Diagnostics.Where(d => !d.IsError).ToList();
        Assert.All(warnings, w => Assert.Equal("BHH2302", w.Code));
        Assert.InRange(warnings.Count, scenario.Problems.EnrolleesWithoutServices, scenario.Problems.EnrolleesWithoutServices + 1);
    }

    [Fact]
    public void Generate_LargerSnapshot_LoadsWithoutErrors()
    {
        using var temp = new TemporaryFolder();

        SnapshotGenerator.Generate(new GenerationRequest(Scenarios.HarborAffiliate, 7, 2_000), temp.Path);
        var result = new SnapshotLoader().Load(temp.Path);

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics.Where(d => d.IsError)));
        Assert.Equal(2_000, result.Snapshot!.Enrollees!.Rows.Count);
    }

    [Fact]
    public void AgencyYaml_CommittedSample_NamesTheRegenerateCommandAndSeed()
    {
        var request = GenerationRequest.Default(Scenarios.RiverValley);

        var yaml = SnapshotGenerator.AgencyYaml(request, "/somewhere/else");

        Assert.StartsWith("# Generated sample snapshot", yaml, StringComparison.Ordinal);
        Assert.Contains(
            "dotnet run --project tools/BhhCompliance.SampleGenerator -- --scenario river-valley --seed 20260930 --out samples/river-valley\n",
            yaml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AgencyYaml_OtherRequest_NamesTheFolderItWasWrittenTo()
    {
        var request = new GenerationRequest(Scenarios.RiverValley, 5, 10_000);

        var yaml = SnapshotGenerator.AgencyYaml(request, "bench/rv-10k");

        Assert.Contains("--seed 5 --enrollees 10000 --out bench/rv-10k\n", yaml, StringComparison.Ordinal);
    }

    private static SortedDictionary<string, byte[]> ReadAll(string folder) =>
        new(Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    private static long RowsOf(GenerationSummary summary, string file) => summary.Files.Single(f => f.File == file).Rows;

    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = Directory.GetFiles(expectedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.GetFiles(actualFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        foreach (var name in expected)
        {
            var want = File.ReadAllBytes(Path.Join(expectedFolder, name));
            var got = File.ReadAllBytes(Path.Join(actualFolder, name));
            Assert.True(want.AsSpan().SequenceEqual(got), $"{name} differs from {Path.Join(expectedFolder, name)}.");
        }
    }
}
