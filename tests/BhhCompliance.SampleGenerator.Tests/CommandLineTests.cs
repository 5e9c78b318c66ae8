namespace BhhCompliance.SampleGenerator.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--scenario", "nowhere", "--out", "x")]
    [InlineData("--scenario", "river-valley")]
    [InlineData("--scenario", "river-valley", "--out", "x", "--seed", "-1")]
    [InlineData("--scenario", "river-valley", "--out", "x", "--enrollees", "0")]
    [InlineData("--scenario", "river-valley", "--out", "x", "--colour", "blue")]
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
}
