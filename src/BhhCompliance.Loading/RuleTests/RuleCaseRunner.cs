using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Loading.Yaml;

namespace BhhCompliance.Loading.RuleTests;

/// <summary>The outcome of one rule test case: what differed from what it expects (nothing when it passed).</summary>
public sealed record RuleCaseResult(string Name, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// Runs a rule set's test cases. A case is a folder holding a small snapshot and an
/// <c>expect.yaml</c>:
/// <code>
/// profile: self-check          # optional; default: the snapshot's review type
/// as_of: 2026-09-30            # optional; overrides agency.yaml
/// expect:
///   - rule: STAFF-NURSE-RATIO
///     subject: agency          # optional; default agency
///     outcome: warn            # required: a case must say what it expects
///     evidence:                # optional; only the keys listed are compared
///       census: 200
///       actual_fte: 0.9
///     details: 0               # optional; the number of detail rows
///     charts:                  # optional, chart criteria: each listed chart's result
///       E1: met                # met, not-met, not-applicable or not-reviewed
/// </code>
/// Evidence numbers compare as findings.json shows them (two places, half away from zero);
/// lists as their items joined with ", " ("none" when empty); null as no value.
/// </summary>
public sealed class RuleCaseRunner(AuditEngine engine, SnapshotLoader snapshots)
{
    public const string ExpectFile = "expect.yaml";

    /// <summary>The folder of a rule set folder that holds its cases: <c>rules/tests/&lt;RULE-ID&gt;/&lt;case&gt;/</c>.</summary>
    public const string TestsFolder = "tests";

    /// <summary>Every folder under <paramref name="root"/> that holds an expect.yaml, in name order.</summary>
    public static IReadOnlyList<string> FindCases(string root) => Directory.Exists(root)
        ? [.. Directory.EnumerateFiles(root, ExpectFile, SearchOption.AllDirectories).Select(Path.GetDirectoryName).OfType<string>().Order(StringComparer.Ordinal)]
        : [];

    /// <summary>A case's name: its folder relative to the tests folder, '/'-separated on every system (<c>TEAM-MINIMUM/pass-all-seven-roles</c>).</summary>
    public static string NameOf(string root, string caseFolder) => Path.GetRelativePath(root, caseFolder).Replace('\\', '/');

    public RuleCaseResult Run(RuleSet ruleSet, string caseFolder, string name)
    {
        var differences = new List<string>();
        var diagnostics = new DiagnosticBag();
        var expectPath = Path.Join(caseFolder, ExpectFile);
        var expectation = ReadExpectation(File.ReadAllText(expectPath), diagnostics);
        var loaded = snapshots.Load(caseFolder, chartCriteria: ChartCriteria.Of(ruleSet, engine.Kinds), asOf: expectation?.AsOf);
        foreach (var problem in diagnostics.ToList().Concat(loaded.Diagnostics.Where(d => d.IsError)))
        {
            differences.Add(problem.ToString());
        }

        if (loaded.Snapshot is not { } snapshot || expectation is null || differences.Count > 0)
        {
            return new RuleCaseResult(name, differences);
        }

        var profileName = expectation.Profile ?? snapshot.Review.Type;
        if (ruleSet.FindProfile(profileName) is not { } profile)
        {
            return new RuleCaseResult(name, [$"the rule set has no profile '{profileName}'"]);
        }

        if (NamedOutcomeProblem(name, expectation) is { } misnamed)
        {
            differences.Add(misnamed);
        }

        var result = engine.Run(ruleSet, profile, snapshot);
        foreach (var expected in expectation.Findings)
        {
            Compare(expected, result, differences);
        }

        return new RuleCaseResult(name, differences);
    }

    /// <summary>
    /// The coverage gate trusts case names (<c>RULE-ID/pass-...</c>), so a name must say what the
    /// case expects: a case filed under a rule and named for an outcome must expect that outcome of
    /// that rule (for its agency finding, or for some subject).
    /// </summary>
    private static string? NamedOutcomeProblem(string name, Expectation expectation)
    {
        var parts = name.Split('/');
        if (parts.Length != 2)
        {
            return null;
        }

        var (ruleId, caseName) = (parts[0], parts[1]);
        var named = Wire.Outcomes.OrderByDescending(o => o.Name().Length).FirstOrDefault(o => caseName.StartsWith(o.Name() + "-", StringComparison.Ordinal));
        if (named == default && !caseName.StartsWith(Outcome.Pass.Name() + "-", StringComparison.Ordinal))
        {
            return null;
        }

        var outcomes = expectation.Findings.Where(f => f.RuleId == ruleId).Select(f => f.Outcome).ToList();
        return outcomes.Contains(named.Name())
            ? null
            : outcomes.Count == 0
                ? $"the case is filed under {ruleId} but expects nothing of it"
                : $"the case is named {named.Name()}-..., but expects {string.Join(", ", outcomes)} of {ruleId}";
    }

    private static void Compare(ExpectedFinding expected, AuditResult result, List<string> differences)
    {
        var label = $"{expected.RuleId} {expected.Subject}";
        var finding = result.Findings.FirstOrDefault(f => f.RuleId == expected.RuleId && f.Subject == expected.Subject);
        if (finding is null)
        {
            var subjects = result.Findings.Where(f => f.RuleId == expected.RuleId).Select(f => f.Subject).ToList();
            differences.Add(subjects.Count == 0
                ? $"{label}: no finding (the rule did not run)"
                : $"{label}: no finding for this subject; subjects: {string.Join(", ", subjects)}");
            return;
        }

        if (expected.Outcome is { } outcome && outcome != finding.Outcome.Name())
        {
            differences.Add($"{label}: outcome expected {outcome}, got {finding.Outcome.Name()} ({finding.Message})");
        }

        foreach (var (key, value) in expected.Evidence)
        {
            var actual = finding.Evidence.TryGetValue(key, out var found) ? Formats.Show(found) : "(absent)";
            if (actual != value)
            {
                differences.Add($"{label}: evidence {key} expected {value}, got {actual}");
            }
        }

        if (expected.Details is { } details && details != finding.Details.Count)
        {
            differences.Add($"{label}: expected {details} detail rows, got {finding.Details.Count}");
        }

        foreach (var (chart, verdict) in expected.Charts)
        {
            var check = finding.Charts.FirstOrDefault(c => c.EnrolleeId == chart);
            var actual = check is null ? "(not under review)" : check.Verdict.Name();
            if (actual != verdict)
            {
                differences.Add($"{label}: chart {chart} expected {verdict}, got {actual}{(check is null ? string.Empty : $" ({check.Reason})")}");
            }
        }
    }

    private static Expectation? ReadExpectation(string text, DiagnosticBag diagnostics)
    {
        var root = YamlTree.Parse(text, ExpectFile, diagnostics);
        if (YamlFields.Of(root, ExpectFile, diagnostics, ExpectFile, null) is not { } top)
        {
            return null;
        }

        var profile = top.Text("profile");
        var asOf = top.Date("as_of");
        var findings = new List<ExpectedFinding>();
        foreach (var node in top.Sequence("expect", required: true) ?? [])
        {
            if (YamlFields.Of(node, ExpectFile, diagnostics, "an expectation", "expect") is not { } fields)
            {
                continue;
            }

            var rule = fields.Text("rule", required: true);
            var subject = fields.Text("subject") ?? Finding.AgencySubject;
            var outcome = fields.Text("outcome", required: true);
            var evidence = new List<(string, string)>();
            switch (fields.Node("evidence"))
            {
                case YamlMapping mapping:
                    evidence.AddRange(mapping.Entries.Select(e => (e.Key.Value, ExpectedText(e.Value))));
                    break;
                case { } other:
                    diagnostics.Add(Problems.WrongType(other.At(ExpectFile), "evidence", "a mapping of evidence keys to values", other.Describe()));
                    break;
            }

            var details = fields.Integer("details");
            var charts = new List<(string, string)>();
            switch (fields.Node("charts"))
            {
                case YamlMapping mapping:
                    charts.AddRange(mapping.Entries.Select(e => (e.Key.Value, ExpectedText(e.Value))));
                    break;
                case { } other:
                    diagnostics.Add(Problems.WrongType(other.At(ExpectFile), "charts", "a mapping of enrollee ids to chart results", other.Describe()));
                    break;
            }

            fields.ReportUnknownKeys();
            if (rule is not null)
            {
                findings.Add(new ExpectedFinding(rule.Trim(), subject.Trim(), outcome?.Trim(), evidence, details) { Charts = charts });
            }
        }

        top.ReportUnknownKeys();
        if (findings.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Add(Problems.MissingKey(top.Location, "expect", "expect.yaml (at least one expectation)"));
        }

        return diagnostics.HasErrors ? null : new Expectation(profile, asOf, findings);
    }

    /// <summary>An expected value in the form <see cref="Formats.Show"/> gives the actual one.</summary>
    private static string ExpectedText(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => string.Empty,
        YamlScalar scalar when scalar.IsPlain && decimal.TryParse(scalar.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) => Formats.Plain(number),
        YamlScalar scalar => scalar.Value,
        YamlSequence { Items.Count: 0 } => "none",
        YamlSequence list => string.Join(", ", list.Items.Select(ExpectedText)),
        _ => node.Describe(),
    };

    private sealed record Expectation(string? Profile, DateOnly? AsOf, IReadOnlyList<ExpectedFinding> Findings);

    private sealed record ExpectedFinding(string RuleId, string Subject, string? Outcome, IReadOnlyList<(string Key, string Value)> Evidence, int? Details)
    {
        public IReadOnlyList<(string Chart, string Verdict)> Charts { get; init; } = [];
    }
}
