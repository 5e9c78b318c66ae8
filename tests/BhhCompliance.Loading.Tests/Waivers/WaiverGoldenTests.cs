using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Waivers;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Loading.Waivers;
using BhhCompliance.Tests;

namespace BhhCompliance.Loading.Tests.Waivers;

/// <summary>
/// Every folder under Golden/Waivers holds a waivers.yaml and the exact diagnostics it gives
/// (cli.md, bhh audit --waivers), with the shipped rule set and the snapshot in Golden/Waivers/_snapshot:
/// the errors found before evaluation or, for a file without errors, the warnings found after it.
/// A case without errors also holds outcomes.txt: the determination, each finding that is not a
/// pass or not applicable (a waived one with its outcome before the waiver and its waiver), and
/// what became of each waiver.
/// </summary>
public sealed class WaiverGoldenTests
{
    private const string Kind = "Waivers";
    private const string WaiversFile = "waivers.yaml";
    private const string OutcomesFile = "outcomes.txt";

    private static readonly RuleSet Shipped =
        new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(RepositoryPaths.Rules)).RuleSet!;

    private static readonly Snapshot Snapshot = LoadSnapshot();

    public static TheoryData<string> Cases() => GoldenCases.Names(Kind);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_GoldenCase_ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var folder = GoldenCases.Folder(Kind, name);
        var expected = GoldenCases.Expected(folder);

        var (loaded, result) = Audit(folder);

        var diagnostics = result is null ? loaded.Diagnostics : [.. loaded.Diagnostics, .. loaded.Review(result)];
        var prefix = folder + Path.DirectorySeparatorChar;
        Assert.Equal(GoldenCases.Text(expected), GoldenCases.Text(diagnostics.Select(d => d.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal))));
        Assert.Equal(expected.Any(GoldenCases.IsErrorLine), loaded.Waivers is null);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Audit_GoldenCaseWithoutErrors_GivesTheExpectedOutcomes(string name)
    {
        var folder = GoldenCases.Folder(Kind, name);
        var outcomes = Path.Join(folder, OutcomesFile);

        var (_, result) = Audit(folder);

        if (result is null)
        {
            Assert.False(File.Exists(outcomes), $"{name} does not load, so it has no outcomes to compare; remove {OutcomesFile}.");
            return;
        }

        Assert.True(File.Exists(outcomes), $"{name} loads, so it needs an {OutcomesFile}.");
        var expected = File.ReadAllLines(outcomes).Where(line => line.Length > 0);
        Assert.Equal(GoldenCases.Text(expected), GoldenCases.Text(Outcomes(result)));
    }

    [Fact]
    public void Cases_CoverEveryWaiverCodeOfProblems()
    {
        // A missing or unreadable file cannot be a case folder of its own; WaiverFileLoaderTests covers it.
        var missing = GoldenCases.CodesInProblems("BHH15")
            .Except(["BHH1501"])
            .Where(code => !GoldenCases.AnyExpects(Kind, code))
            .ToList();

        Assert.NotEmpty(GoldenCases.CodesInProblems("BHH15"));
        Assert.Empty(missing);
    }

    [Fact]
    public void Snapshot_FailsWithoutWaivers_AsTheCasesAssume()
    {
        var result = new AuditEngine(RuleKindCatalog.Standard).Run(Shipped, Shipped.FindProfile(Snapshot.Review.Type)!, Snapshot);

        Assert.Equal(Determination.Conditional, result.Determination);
        Assert.Equal(
            ["CRED-LICENSE-CURRENT staff:S02", "CRED-LICENSE-CURRENT staff:S08", "STAFF-PEER-RATIO agency"],
            result.Findings.Where(f => f.Outcome == Outcome.Fail).Select(f => $"{f.RuleId} {f.Subject}"));
    }

    /// <summary>Loads the case's waivers and, when they load, audits the snapshot with them.</summary>
    private static (WaiverFileLoadResult Loaded, AuditResult? Result) Audit(string folder)
    {
        var loaded = WaiverFileLoader.Load(Path.Join(folder, WaiversFile), Shipped);
        if (loaded.Waivers is not { } waivers)
        {
            return (loaded, null);
        }

        var profile = Shipped.FindProfile(Snapshot.Review.Type)!;
        return (loaded, new AuditEngine(RuleKindCatalog.Standard).Run(Shipped, profile, Snapshot, progress: null, waivers));
    }

    private static IEnumerable<string> Outcomes(AuditResult result)
    {
        yield return $"determination: {result.Determination.Name()}";
        foreach (var finding in result.Findings.Where(f => f.Outcome is not (Outcome.Pass or Outcome.NotApplicable)))
        {
            yield return finding is { WaivedOutcome: { } original, Waiver: { } waiver }
                ? $"{finding.RuleId} {finding.Subject}: {finding.Outcome.Name()} (was {original.Name()}; {waiver.Source})"
                : $"{finding.RuleId} {finding.Subject}: {finding.Outcome.Name()}";
        }

        foreach (var waiver in result.Waivers)
        {
            yield return $"waiver {waiver.Waiver.Source} {waiver.Waiver.RuleId} {waiver.Waiver.Subject ?? "(whole rule)"}: {waiver.Status.Name()}";
        }
    }

    private static Snapshot LoadSnapshot()
    {
        var loaded = new SnapshotLoader().Load(Path.Join(GoldenCases.Root, Kind, "_snapshot"), chartCriteria: ChartCriteria.Of(Shipped, RuleKindCatalog.Standard));
        Assert.Empty(loaded.Diagnostics);
        return loaded.Snapshot!;
    }
}
