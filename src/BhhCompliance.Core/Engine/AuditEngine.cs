using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;
using BhhCompliance.Core.Waivers;

namespace BhhCompliance.Core.Engine;

/// <summary>How far an audit has got, for a progress display.</summary>
public readonly record struct AuditProgress(int RulesDone, int RulesTotal, string RuleId);

/// <summary>
/// Runs the rules of a profile against a snapshot. Each rule goes to the evaluator of its kind;
/// a rule whose data is absent is <c>cannot-evaluate</c>, and a rule that throws becomes an
/// <c>error</c> finding while the others run on. Waivers, when given, are applied last. No IO, no
/// clock: "today" is the review's as-of date.
/// </summary>
public sealed class AuditEngine(RuleKindCatalog kinds)
{
    /// <summary>The rule kinds this engine evaluates.</summary>
    public RuleKindCatalog Kinds => kinds;

    /// <param name="waivers">Waivers to apply to the findings (bhh audit --waivers); none when null.</param>
    public AuditResult Run(RuleSet ruleSet, Profile profile, Snapshot snapshot, IProgress<AuditProgress>? progress = null, WaiverSet? waivers = null)
    {
        var context = new AuditContext(snapshot);
        // Of a rule with several versions, the one in force on the review's as-of date runs.
        var rules = ruleSet.RulesOf(profile, snapshot.Review.AsOf);
        var findings = new List<Finding>();
        for (var i = 0; i < rules.Count; i++)
        {
            findings.AddRange(Evaluate(rules[i], context));
            progress?.Report(new AuditProgress(i + 1, rules.Count, rules[i].Id));
        }

        findings.Sort(static (a, b) =>
        {
            var byRule = string.CompareOrdinal(a.RuleId, b.RuleId);
            return byRule != 0 ? byRule : string.CompareOrdinal(a.Subject, b.Subject);
        });

        var waived = (waivers ?? WaiverSet.None).Apply(findings, snapshot.Review.AsOf);
        return new AuditResult(ruleSet.Identity, profile.Name, snapshot.Agency, snapshot.Review, waived.Findings)
        {
            RuleOrder = [.. rules.Select(r => r.Id)],
            RulesNotInForce = ruleSet.RulesNotInForce(profile, snapshot.Review.AsOf),
            Waivers = waived.Waivers,
        };
    }

    private List<Finding> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var kind = kinds.Find(rule.Kind);
        if (kind is null)
        {
            return [Broken(rule, new InvalidOperationException($"The rule kind '{rule.Kind}' is not implemented."))];
        }

        var missing = MissingParts(kind.RequiresFor(rule), context.Snapshot.Parts);
        if (missing.Count > 0)
        {
            var files = missing.Select(SnapshotFile.Describe).ToList();
            return [Create(rule, Outcome.CannotEvaluate, Finding.AgencySubject, Wording.CannotEvaluate(files), new Evidence { ["missing_files"] = EvidenceValue.List(files) }, [], Wording.AddMissingFiles(files))];
        }

        try
        {
            // Materialise inside the try: kinds yield lazily, and a throw mid-way must not leave half a rule.
            var results = kind.Evaluate(rule, context).ToList();
            return [.. results.Select(result => ToFinding(rule, kind, result, context))];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [Broken(rule, ex)];
        }
    }

    private static Finding ToFinding(RuleDefinition rule, RuleKind kind, RuleResult result, AuditContext context)
    {
        if (result.Reason is { } reason)
        {
            return Create(rule, result.Outcome, result.Subject, reason, result.Evidence, result.Details, string.Empty) with { Charts = result.Charts };
        }

        var model = TemplateModel(rule, kind, result, context);
        return Create(rule, result.Outcome, result.Subject, rule.Message.Render(model), result.Evidence, result.Details, rule.Remediation.Render(model))
            with { Charts = result.Charts };
    }

    private static Finding Broken(RuleDefinition rule, Exception exception) =>
        Create(rule, Outcome.Error, Finding.AgencySubject, Wording.RuleBroke(rule.Id, exception), Evidence.Empty, [], Wording.ReportDefect);

    private static Finding Create(
        RuleDefinition rule,
        Outcome outcome,
        string subject,
        string message,
        Evidence evidence,
        IReadOnlyList<DetailRow> details,
        string remediation) =>
        new(rule.Id, rule.Title, rule.Severity, outcome, subject, message, evidence, rule.Citation, remediation, details)
        {
            Version = rule.IsDated ? new RuleVersion(rule.EffectiveFrom, rule.EffectiveTo) : null,
        };

    /// <summary>
    /// What a template sees: the common fields, every parameter of the kind (null when the rule
    /// leaves an optional one out), the kind's extra values and the evidence.
    /// </summary>
    private static Dictionary<string, object?> TemplateModel(RuleDefinition rule, RuleKind kind, RuleResult result, AuditContext context)
    {
        var snapshot = context.Snapshot;
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["rule_id"] = rule.Id,
            ["title"] = rule.Title,
            ["severity"] = rule.Severity.Name(),
            ["outcome"] = result.Outcome.Name(),
            ["passed"] = result.Outcome == Outcome.Pass,
            ["warned"] = result.Outcome == Outcome.Warn,
            ["failed"] = result.Outcome == Outcome.Fail,
            ["subject"] = result.Subject,
            ["as_of"] = Formats.Date(context.AsOf),
            ["period_start"] = Formats.Date(context.Period.Start),
            ["period_end"] = Formats.Date(context.Period.End),
            ["agency_id"] = snapshot.Agency.Id,
            ["agency_name"] = snapshot.Agency.Name ?? snapshot.Agency.Id,
        };
        foreach (var parameter in kind.Parameters)
        {
            var value = rule.Parameters.Find(parameter.Name);
            model[parameter.Name] = value is IReadOnlyList<string> list ? list.ToArray() : value;
        }

        foreach (var (name, value) in result.TemplateValues)
        {
            model[name] = value;
        }

        foreach (var (key, value) in result.Evidence)
        {
            model[key] = value.ToTemplateValue();
        }

        return model;
    }

    private static List<SnapshotParts> MissingParts(SnapshotParts required, SnapshotParts present)
    {
        var missing = required & ~present;

        // The census part is implied by enrollees.csv; name only the file the user is missing.
        if (missing.HasFlag(SnapshotParts.Enrollees))
        {
            missing &= ~SnapshotParts.Census;
        }

        // Likewise the charts under review are implied by chart-events.csv.
        if (missing.HasFlag(SnapshotParts.ChartEvents))
        {
            missing &= ~SnapshotParts.Charts;
        }

        return [.. Enum.GetValues<SnapshotParts>().Where(p => p != SnapshotParts.None && missing.HasFlag(p))];
    }
}
