using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Tests;

namespace BhhCompliance.Loading.Tests.Snapshots;

/// <summary>
/// Every folder under Golden/Snapshots is a small snapshot and the exact diagnostics loading it
/// reports (snapshot.md, "Bad input"), with file names relative to the snapshot folder. They
/// load as an audit with the shipped rule set does, which knows its chart criteria.
/// </summary>
public sealed class SnapshotGoldenTests
{
    private const string Kind = "Snapshots";

    private static readonly ChartCriteria ShippedCriteria = ChartCriteria.Of(
        new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(RepositoryPaths.Rules)).RuleSet!,
        RuleKindCatalog.Standard);

    public static TheoryData<string> Cases() => GoldenCases.Names(Kind);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_GoldenCase_ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var folder = GoldenCases.Folder(Kind, name);
        var expected = GoldenCases.Expected(folder);

        var result = new SnapshotLoader().Load(folder, chartCriteria: ShippedCriteria);

        Assert.Equal(GoldenCases.Text(expected), GoldenCases.Text(result.Diagnostics.Select(d => d.ToString())));
        Assert.Equal(expected.Any(GoldenCases.IsErrorLine), result.Snapshot is null);
    }

    [Fact]
    public void Cases_CoverEverySnapshotCodeOfProblems()
    {
        // A missing snapshot folder cannot be a folder of its own; SnapshotLoaderTests covers it.
        var missing = GoldenCases.CodesInProblems("BHH2")
            .Except(["BHH2001"])
            .Where(code => !GoldenCases.AnyExpects(Kind, code))
            .ToList();

        Assert.Empty(missing);
    }
}
