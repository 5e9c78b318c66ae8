namespace BhhCompliance.SampleGenerator.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--scenario", "nowhere", "--out", "x")]
    [InlineData("--scenario", "river-valley")]
    [InlineData("--scenario", "river-valley", "--out", "x", "--seed", "-1")]
    [InlineData("--scenario", "river-valley", "--out", "x", "--enrollees", "0")]
    [InlineData("--scenario", "river-valley", "--out", "x", "--colour", "blue")]
    [InlineData("--statewide", "--scenario", "river-valley", "--out", "x")]
    [InlineData("--statewide", "--agencies", "0", "--out", "x")]
    [InlineData("--statewide", "--agencies", "many", "--out", "x")]
    [InlineData("--statewide", "--services", "0", "--out", "x")]
    [InlineData("--statewide", "--review-type", "audit", "--out", "x")]
    [InlineData("--statewide", "--agencies", "40", "--enrollees", "500", "--out", "x")]
    [InlineData("--statewide", "--agencies", "3")]
    [InlineData("--scenario", "river-valley", "--out", "x", "--agencies", "3")]
    public void Run_BadArguments_ExitsWith2AndPrintsUsage(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CommandLine.Run(args, output, error);

        Assert.Equal(2, code);
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Run_SmallSnapshot_WritesEveryFileAndExits0()
    {
        using var temp = new TemporaryFolder();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CommandLine.Run(["--scenario", "harbor-affiliate", "--out", temp.Path, "--seed", "9", "--enrollees", "40"], output, error);

        Assert.Equal(0, code);
        Assert.Equal(
            ["agency.yaml", "chart-events.csv", "claims.csv", "enrollees.csv", "pc-tracker.xlsx", "services.csv", "staff.csv"],
            Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_Statewide_WritesEveryAgencyAndPrintsTheTotals()
    {
        using var temp = new TemporaryFolder();
        using var output = new StringWriter();
        using var error = new StringWriter();
        Directory.CreateDirectory(temp.Sub("99-left-over"));

        var code = CommandLine.Run(["--statewide", "--agencies", "2", "--enrollees", "120", "--services", "6000", "--seed", "3", "--out", temp.Path], output, error);

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Wrote a statewide data set (seed 3, 2 agencies, credentialing review)", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^  01-lmha-\S+ +\d+ enrollees +\d+ services +\d+ claims$", lines[1]);
        Assert.Matches(@"^  02-aff-\S+ +\d+ enrollees +\d+ services +\d+ claims$", lines[2]);
        Assert.Matches(@"^  total +120 enrollees +\d+ services +\d+ claims$", lines[3]);
        Assert.Contains("99-left-over is not part of this data set", error.ToString(), StringComparison.Ordinal);
        var readme = File.ReadAllText(temp.Sub("README.txt"));
        Assert.Contains("--statewide --agencies 2 --enrollees 120 --services 6000 --seed 3 --out ", readme, StringComparison.Ordinal);
        Assert.Contains("2 fictional agencies (1 LMHA, 1 affiliate)", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ListsTheStatewideOptions()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CommandLine.Run(["--help"], output, error);

        Assert.Equal(2, code);
        Assert.Contains("--statewide --out DIR [--agencies N] [--enrollees N] [--services N]", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--review-type credentialing|self-check|chart-audit", error.ToString(), StringComparison.Ordinal);
    }
}
