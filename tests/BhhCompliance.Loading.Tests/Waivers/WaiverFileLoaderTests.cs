using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.Waivers;
using BhhCompliance.Tests;

namespace BhhCompliance.Loading.Tests.Waivers;

/// <summary>What the golden cases cannot hold: a missing file, a folder, and the rule set's own max_waiver_days.</summary>
public sealed class WaiverFileLoaderTests
{
    private static readonly RuleSet Shipped =
        new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(RepositoryPaths.Rules)).RuleSet!;

    private const string Waiver = """
        waivers:
          - rule_id: STAFF-PEER-RATIO
            justification: A second peer recovery specialist starts on 2026-10-15.
            requested_by: Dana Director
            approved_by: J. Smith
            approved_on: 2026-09-01
            expires_on: 2026-10-01
        """;

    [Fact]
    public void Load_MissingFile_ReportsItMissing()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Join(folder.Path, "waivers.yaml");

        var result = WaiverFileLoader.Load(path, Shipped);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"{path}: error BHH1501: The waivers file does not exist.", diagnostic.ToString());
        Assert.Null(result.Waivers);
    }

    [Fact]
    public void Load_Folder_ReportsThatItIsNotAFile()
    {
        using var folder = new TemporaryFolder();

        var result = WaiverFileLoader.Load(folder.Path, Shipped);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"{folder.Path}: error BHH1501: The waivers file cannot be read: it is a folder; give the waivers file.", diagnostic.ToString());
        Assert.Null(result.Waivers);
    }

    [Fact]
    public void Load_ValidWaiver_KeepsEveryFieldAndItsFileNameAndLine()
    {
        using var folder = new TemporaryFolder();
        folder.Write("approved.yaml", Waiver);

        var result = WaiverFileLoader.Load(Path.Join(folder.Path, "approved.yaml"), Shipped);

        Assert.Empty(result.Diagnostics);
        var waiver = Assert.Single(result.Waivers!.Waivers);
        Assert.Equal("STAFF-PEER-RATIO", waiver.RuleId);
        Assert.Null(waiver.Subject);
        Assert.Equal("A second peer recovery specialist starts on 2026-10-15.", waiver.Justification);
        Assert.Equal("Dana Director", waiver.RequestedBy);
        Assert.Equal("J. Smith", waiver.ApprovedBy);
        Assert.Equal(new DateOnly(2026, 9, 1), waiver.ApprovedOn);
        Assert.Equal(new DateOnly(2026, 10, 1), waiver.ExpiresOn);
        Assert.Equal("approved.yaml:2", waiver.Source.ToString());
    }

    [Theory]
    [InlineData(30, false)] // 2026-09-01 to 2026-10-01 is 30 days
    [InlineData(29, true)]
    public void Load_WaiverLongerThanTheRuleSetAllows_IsAnError(int maxWaiverDays, bool error)
    {
        using var folder = new TemporaryFolder();
        folder.Write("waivers.yaml", Waiver);

        var result = WaiverFileLoader.Load(Path.Join(folder.Path, "waivers.yaml"), Shipped with { MaxWaiverDays = maxWaiverDays });

        Assert.Equal(error, result.HasErrors);
        Assert.Equal(error ? ["BHH1505"] : [], result.Diagnostics.Select(d => d.Code));
    }
}
