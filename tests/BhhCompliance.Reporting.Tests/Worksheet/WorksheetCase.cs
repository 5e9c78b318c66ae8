using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Reporting.Worksheet;
using BhhCompliance.Tests;

namespace BhhCompliance.Reporting.Tests.Worksheet;

/// <summary>
/// Worksheets built from the chart rule test cases (rules/tests/CHART-*), the way <c>bhh
/// worksheet</c> builds them: the shipped rule set, the chart criteria alone, the case's snapshot.
/// Each case is copied to a temporary folder first, so a test may change it; rules/ is only read.
/// </summary>
internal sealed class WorksheetCase : IDisposable
{
    /// <summary>E1 to E4 sampled; E1 to E3 answered in attestations.csv (met, met, not-applicable); no chart events.</summary>
    public const string Answered = "CHART-PERSON-CENTERED/pass-unanswered-chart-left-out";

    /// <summary>chart-sample.csv lists E1, E3 and E4; E2 has an event but is not sampled.</summary>
    public const string Sampled = "CHART-ASSESSMENT/fail-sample-picks-the-charts";

    /// <summary>No chart-sample.csv: the charts are E2, E7 and E8, the enrollees with a chart event.</summary>
    public const string FromEvents = "CHART-DISCHARGE-FOLLOW-UP/fail-eight-days-or-missing";

    private static readonly Lazy<RuleSet> ShippedRules = new(() =>
        new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(RepositoryPaths.Rules)).RuleSet
        ?? throw new InvalidOperationException("The shipped rule set does not load."));

    public WorksheetCase(string name)
    {
        Root = Path.Join(Path.GetTempPath(), "bhh-worksheet-tests-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Join(Root, "snapshot");
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.EnumerateFiles(Path.Join(RepositoryPaths.RuleTests, name)))
        {
            if (Path.GetFileName(file) != "expect.yaml")
            {
                File.Copy(file, Path.Join(Folder, Path.GetFileName(file)));
            }
        }
    }

    public string Root { get; }

    /// <summary>The copy of the case's snapshot.</summary>
    public string Folder { get; }

    public static RuleSet Rules => ShippedRules.Value;

    public static IReadOnlyList<WorksheetCriterion> Criteria => WorksheetCriteria.Of(Rules, RuleKindCatalog.Standard);

    public void Delete(string file) => File.Delete(Path.Join(Folder, file));

    public void Write(string file, string text) => File.WriteAllText(Path.Join(Folder, file), text);

    public Snapshot Load()
    {
        var loaded = new SnapshotLoader().Load(Folder, chartCriteria: ChartCriteria.Of(Rules, RuleKindCatalog.Standard));
        return loaded.Snapshot ?? throw new InvalidOperationException(
            "The case's snapshot does not load: " + string.Join("; ", loaded.Diagnostics.Select(d => d.ToString())));
    }

    /// <summary>The chart criteria evaluated on the case, as the worksheet command runs them.</summary>
    public AuditResult Evaluate(Snapshot snapshot) =>
        new AuditEngine(RuleKindCatalog.Standard).Run(Rules, WorksheetCriteria.Profile(Criteria), snapshot);

    public ChartWorksheet Build()
    {
        var snapshot = Load();
        return ChartWorksheet.Build(Evaluate(snapshot), snapshot, Criteria, "snapshot", "worksheet.csv");
    }

    public static ChartWorksheet Build(string name)
    {
        using var folder = new WorksheetCase(name);
        return folder.Build();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; it must not fail the test that used it.
        }
    }
}
