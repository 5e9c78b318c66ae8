using System.Security.Cryptography;
using BhhCompliance.Cli.Tests.Fixtures;
using BhhCompliance.Loading.Snapshots;
using YamlDotNet.RepresentationModel;

namespace BhhCompliance.Cli.Tests;

/// <summary>
/// <c>bhh sample</c>: chart-sample.csv and its .yaml record, never over an existing file, the same
/// bytes for the same seed, and a sample the snapshot loader reads back. The clean snapshot has 25
/// enrollees: E01 to E24 enrolled 364 days before as_of, E25 twenty days before it.
/// </summary>
public sealed class SampleCommandTests
{
    private const string ChartSample = "chart-sample.csv";
    private const string Record = "chart-sample.yaml";

    [Fact]
    public void Sample_Defaults_WritesTheSampleAndItsRecordIntoTheSnapshot()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("sample", snapshot.Path, "--size", "5", "--seed", "42");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var bytes = File.ReadAllBytes(snapshot.File(ChartSample));
        Assert.NotEqual(0xEF, bytes[0]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain('\r', text);
        var lines = text.Split('\n');
        Assert.Equal("enrollee_id", lines[0]);
        Assert.Equal(string.Empty, lines[^1]);
        var ids = lines[1..^1];
        Assert.Equal(5, ids.Length);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(5, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^E(0[1-9]|1[0-9]|2[0-5])$", id));
        Assert.True(File.Exists(snapshot.File(Record)));
        Assert.Equal($"Drew 5 of 25 charts (seed 42) → {snapshot.File(ChartSample)}", run.OutLines[0]);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Sample_Record_HoldsTheCommandAlgorithmSeedReviewAndEnrolleesHash()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(snapshot.File(SnapshotBuilder.EnrolleesFile))));

        var run = Bhh.Run("sample", snapshot.Path, "--size", "4", "--seed", "7", "--oversample", "3", "--out", snapshot.Out(ChartSample));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var text = File.ReadAllText(snapshot.Out(Record));
        Assert.StartsWith("# ", text, StringComparison.Ordinal);
        var record = LoadYaml(text);
        Assert.Equal($"bhh sample {snapshot.Path} --size 4 --seed 7 --oversample 3", Scalar(record, "command"));
        Assert.Equal("splitmix64-fisher-yates/1", Scalar((YamlMappingNode)record.Children[new YamlScalarNode("algorithm")], "name"));
        Assert.Equal("7", Scalar(record, "seed"));
        Assert.Equal("4", Scalar(record, "size"));
        Assert.Equal("LMHA-TV", Scalar(record, "agency_id"));
        Assert.Equal(SnapshotBuilder.AsOf, Scalar(record, "as_of"));
        Assert.Equal(SnapshotBuilder.PeriodStart, Scalar(record, "period_start"));
        Assert.Equal(SnapshotBuilder.PeriodEnd, Scalar(record, "period_end"));
        Assert.Equal("25", Scalar(record, "population"));
        Assert.Equal(expectedHash, Scalar(record, "enrollees_sha256"));
        Assert.Equal("none", Scalar(record, "stratify_by"));

        var alternates = Sequence(record, "alternates");
        Assert.Equal(3, alternates.Count);
        Assert.Empty(alternates.Intersect(SampleIds(snapshot.Out(ChartSample))));
        Assert.Equal("3 alternates, in the order to use them, and how to draw the sample again: " + snapshot.Out(Record), run.OutLines[^1]);
    }

    [Fact]
    public void Sample_RecordedCommand_DrawsTheSameSampleAgain()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var first = Bhh.Run("sample", snapshot.Path, "--size", "6", "--stratify-by", "enrolment-length", "--oversample", "2", "--out", snapshot.Out(ChartSample));
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        var command = Scalar(LoadYaml(File.ReadAllText(snapshot.Out(Record))), "command");
        var words = command.Split(' ');
        Assert.Equal(["bhh", "sample"], words[..2]);

        var again = Bhh.Run([.. words[1..], "--out", snapshot.Sibling("again.csv")]);

        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Equal(File.ReadAllBytes(snapshot.Out(ChartSample)), File.ReadAllBytes(snapshot.Sibling("again.csv")));
    }

    [Fact]
    public void Sample_NoSeed_PrintsTheRandomSeedItRecorded()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("sample", snapshot.Path, "--size", "5", "--out", snapshot.Out(ChartSample));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        var match = System.Text.RegularExpressions.Regex.Match(line, @"^Seed: (\d+) \(record it to draw the same sample again\)$");
        Assert.True(match.Success, line);
        Assert.Equal(match.Groups[1].Value, Scalar(LoadYaml(File.ReadAllText(snapshot.Out(Record))), "seed"));
        Assert.Contains($"(seed {match.Groups[1].Value})", run.OutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_SameSeedTwice_WritesIdenticalBytesInTwoFolders()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        string[] draw = ["sample", snapshot.Path, "--size", "7", "--seed", "20260930", "--stratify-by", "enrolment-length", "--oversample", "3"];

        var first = Bhh.Run([.. draw, "--out", Path.Join(snapshot.Sibling("a"), ChartSample)]);
        var second = Bhh.Run([.. draw, "--out", Path.Join(snapshot.Sibling("b"), ChartSample)]);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Join(snapshot.Sibling("a"), ChartSample)), File.ReadAllBytes(Path.Join(snapshot.Sibling("b"), ChartSample)));
        Assert.Equal(File.ReadAllBytes(Path.Join(snapshot.Sibling("a"), Record)), File.ReadAllBytes(Path.Join(snapshot.Sibling("b"), Record)));
    }

    [Fact]
    public void Sample_DifferentSeeds_DrawDifferentSamples()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        Bhh.Run("sample", snapshot.Path, "--size", "8", "--seed", "1", "--out", snapshot.Sibling("one.csv"));
        Bhh.Run("sample", snapshot.Path, "--size", "8", "--seed", "2", "--out", snapshot.Sibling("two.csv"));

        Assert.NotEqual(SampleIds(snapshot.Sibling("one.csv")), SampleIds(snapshot.Sibling("two.csv")));
    }

    [Fact]
    public void Sample_WrittenIntoTheSnapshot_LoadsBackAsItsChartSampleWithoutDiagnostics()
    {
        using var snapshot = SnapshotBuilder.Clean().Without(SnapshotBuilder.AttestationsFile).Build();
        var before = new SnapshotLoader().Load(snapshot.Path);
        Assert.Empty(before.Diagnostics);
        Assert.Null(before.Snapshot!.ChartSample);

        var run = Bhh.Run("sample", snapshot.Path, "--size", "10", "--seed", "3");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var after = new SnapshotLoader().Load(snapshot.Path);
        Assert.Empty(after.Diagnostics);
        var sample = after.Snapshot!.ChartSample;
        Assert.NotNull(sample);
        Assert.Equal(SampleIds(snapshot.File(ChartSample)), sample.Rows.Select(r => r.EnrolleeId));
        Assert.Equal(10, sample.Rows.Count);
    }

    [Theory]
    [InlineData(ChartSample)]
    [InlineData(Record)]
    public void Sample_TargetExists_RefusesAndChangesNothing(string existing)
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var other = existing == ChartSample ? Record : ChartSample;
        File.WriteAllText(snapshot.File(existing), "enrollee_id\nE01\n");

        var run = Bhh.Run("sample", snapshot.Path, "--size", "5", "--seed", "42");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("enrollee_id\nE01\n", File.ReadAllText(snapshot.File(existing)));
        Assert.False(File.Exists(snapshot.File(other)));
        Assert.False(File.Exists(snapshot.File(existing) + ".partial"));
        var message = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"bhh: {snapshot.File(existing)} already exists", message, StringComparison.Ordinal);
        Assert.Contains("Remove it", message, StringComparison.Ordinal);
        Assert.Contains("--out", message, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Sample_SecondRunIntoTheSameFile_IsRefused()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        Assert.Equal(ExitCodes.Success, Bhh.Run("sample", snapshot.Path, "--size", "5", "--seed", "1").ExitCode);
        var first = File.ReadAllBytes(snapshot.File(ChartSample));

        var again = Bhh.Run("sample", snapshot.Path, "--size", "5", "--seed", "2");

        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Equal(first, File.ReadAllBytes(snapshot.File(ChartSample)));
    }

    [Fact]
    public void Sample_Stratified_KeepsTheOneNewEnrolleeAndListsTheStrata()
    {
        // E25 is the only enrollee of "up to 90 days"; its share of 5 is 0.2, but the stratum gets one chart.
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("sample", snapshot.Path, "--size", "5", "--seed", "9", "--stratify-by", "enrolment-length", "--out", snapshot.Out(ChartSample));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("E25", SampleIds(snapshot.Out(ChartSample)));
        Assert.Equal(
            ["  up to 90 days: 1 of 1", "  91 to 180 days: 0 of 0", "  over 180 days: 4 of 24"],
            run.OutLines.Skip(1).Take(3));
        var record = LoadYaml(File.ReadAllText(snapshot.Out(Record)));
        Assert.Equal("enrolment-length", Scalar(record, "stratify_by"));
        var strata = ((YamlSequenceNode)record.Children[new YamlScalarNode("strata")]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(["up to 90 days", "91 to 180 days", "over 180 days"], strata.Select(s => Scalar(s, "name")));
        Assert.Equal(["1", "0", "4"], strata.Select(s => Scalar(s, "sampled")));
    }

    [Fact]
    public void Sample_SizeAtLeastThePopulation_WarnsAndSamplesEveryone()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("sample", snapshot.Path, "--size", "30", "--seed", "1", "--out", snapshot.Out(ChartSample));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(Enumerable.Range(1, 25).Select(SnapshotBuilder.EnrolleeId), SampleIds(snapshot.Out(ChartSample)));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("bhh: warning: --size 30 is not less than the 25 enrollees", StringComparison.Ordinal));
        Assert.Equal("true", Scalar(LoadYaml(File.ReadAllText(snapshot.Out(Record))), "whole_population"));
    }

    [Theory]
    [InlineData("--size", "0")]
    [InlineData("--size", "-4")]
    [InlineData("--size", "many")]
    [InlineData("--seed", "-1")]
    [InlineData("--seed", "18446744073709551616")]
    [InlineData("--oversample", "-1")]
    [InlineData("--stratify-by", "age")]
    public void Sample_BadArgument_ExitsTwoAndWritesNothing(string option, string value)
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        string[] args = option == "--size"
            ? ["sample", snapshot.Path, "--size", value]
            : ["sample", snapshot.Path, "--size", "5", option, value];

        var run = Bhh.Run(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains(value, StringComparison.Ordinal));
        Assert.False(File.Exists(snapshot.File(ChartSample)));
        Assert.False(File.Exists(snapshot.File(Record)));
    }

    [Fact]
    public void Sample_WithoutSize_ExitsTwo()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("sample", snapshot.Path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.False(File.Exists(snapshot.File(ChartSample)));
    }

    [Fact]
    public void Sample_MissingSnapshot_ExitsTwoAndWritesNothing()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var missing = snapshot.Sibling("no-such-snapshot");

        var run = Bhh.Run("sample", missing, "--size", "5", "--seed", "1", "--out", snapshot.Out(ChartSample));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("BHH2001", StringComparison.Ordinal));
        Assert.Empty(snapshot.FilesOutsideSnapshot());
    }

    [Fact]
    public void Sample_SnapshotWithErrors_PrintsThemAndWritesNothing()
    {
        using var snapshot = SnapshotBuilder.BadInput().Build();

        var run = Bhh.Run("sample", snapshot.Path, "--size", "5", "--seed", "1");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("staff.csv(10,1): error", StringComparison.Ordinal));
        Assert.Equal("bhh: The snapshot has 3 errors, 0 warnings; no sample was written.", run.ErrorLines[^1]);
        Assert.False(File.Exists(snapshot.File(ChartSample)));
        Assert.False(File.Exists(snapshot.File(Record)));
    }

    [Fact]
    public void Sample_WithoutEnrollees_SaysSoAndExitsTwo()
    {
        using var snapshot = SnapshotBuilder.Clean().OnlyAgency().Build();

        var run = Bhh.Run("sample", snapshot.Path, "--size", "5", "--seed", "1");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(["bhh: The snapshot has no enrollees.csv; the sample is drawn from its enrollees. No sample was written."], run.ErrorLines);
        Assert.False(File.Exists(snapshot.File(ChartSample)));
    }

    [Theory]
    [InlineData("claims.csv")]
    [InlineData("agency.yaml")]
    [InlineData("picked.yaml")]
    public void Sample_OutNamesAnotherSnapshotFileOrAYamlFile_IsRefused(string name)
    {
        using var snapshot = SnapshotBuilder.Clean().Without(SnapshotBuilder.ClaimsFile).Build();
        var before = Directory.GetFiles(snapshot.Path).Order(StringComparer.Ordinal).ToList();

        var run = Bhh.Run("sample", snapshot.Path, "--size", "5", "--seed", "1", "--out", snapshot.File(name));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(before, Directory.GetFiles(snapshot.Path).Order(StringComparer.Ordinal));
        Assert.Empty(snapshot.FilesOutsideSnapshot());
    }

    private static List<string> SampleIds(string csv) => [.. File.ReadAllLines(csv).Skip(1)];

    private static YamlMappingNode LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Cast<YamlScalarNode>().Select(s => s.Value!)];
}
