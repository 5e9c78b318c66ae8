using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules;

/// <summary>
/// A kind of rule: code that evaluates every rule of that kind. Rules themselves are data: a
/// rule set names a kind and gives its parameters, so a new rule of an existing kind (another
/// ratio, another caseload) needs no code.
/// </summary>
public abstract class RuleKind
{
    /// <summary>The kind's name in rule files: <c>staff-ratio</c>.</summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    public virtual IReadOnlyList<ParameterSpec> Parameters => [];

    /// <summary>The evidence keys of its findings, in the order findings show them (a contract).</summary>
    public abstract IReadOnlyList<string> EvidenceKeys { get; }

    /// <summary>Names templates may use besides the evidence keys, the parameters and the common fields.</summary>
    public virtual IReadOnlyList<string> TemplateFields => [];

    /// <summary>The snapshot parts without which the kind reports <c>cannot-evaluate</c>.</summary>
    public abstract SnapshotParts Requires { get; }

    /// <summary>The parts a particular rule of the kind needs, when its parameters decide (an anchor on service records).</summary>
    public virtual SnapshotParts RequiresFor(RuleDefinition rule) => Requires;

    /// <summary>
    /// A problem with the parameters taken together (two that exclude each other), in words, or
    /// null. Each parameter on its own was already checked against its spec.
    /// </summary>
    public virtual string? CheckParameters(ParameterValues values) => null;

    /// <summary>True for a manual criterion, whose answers come from reviewers' attestations.</summary>
    public virtual bool TakesAttestations => false;

    /// <summary>One result per subject. Throwing is a bug, which the engine reports as an <c>error</c> finding.</summary>
    public abstract IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context);

    /// <summary>Names every template of every finding has.</summary>
    public static IReadOnlyList<string> CommonTemplateFields { get; } =
        ["rule_id", "title", "severity", "outcome", "passed", "warned", "failed", "subject", "as_of", "period_start", "period_end", "agency_id", "agency_name"];

    /// <summary>Every name a template of a rule of this kind may use.</summary>
    public IReadOnlySet<string> AllTemplateFields() =>
        CommonTemplateFields.Concat(EvidenceKeys).Concat(TemplateFields).Concat(Parameters.Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Grades a quantity against what is required: pass at or above it, warn within the tolerance, fail below.</summary>
    protected static Outcome Grade(decimal actual, decimal required, decimal tolerance) =>
        actual >= required ? Outcome.Pass
        : actual >= required * (1m - tolerance) ? Outcome.Warn
        : Outcome.Fail;

    protected static Outcome PassUnless(bool failed) => failed ? Outcome.Fail : Outcome.Pass;
}

/// <summary>What a rule kind concluded for one subject; the engine adds the rule's wording.</summary>
public sealed record RuleResult(Outcome Outcome, string Subject, Evidence Evidence)
{
    public IReadOnlyList<DetailRow> Details { get; init; } = [];

    /// <summary>For a chart criterion: its result for each chart under review.</summary>
    public IReadOnlyList<ChartCheck> Charts { get; init; } = [];

    /// <summary>Extra values for the templates (display names ...), beyond the evidence.</summary>
    public IReadOnlyDictionary<string, object?> TemplateValues { get; init; } = new Dictionary<string, object?>();

    /// <summary>For <c>not-applicable</c>: why, in words. The rule's message template is not used.</summary>
    public string? Reason { get; init; }

    public static RuleResult ForAgency(Outcome outcome, Evidence evidence) => new(outcome, Finding.AgencySubject, evidence);

    public static RuleResult NotApplicable(string reason, Evidence? evidence = null, string subject = Finding.AgencySubject) =>
        new(Outcome.NotApplicable, subject, evidence ?? Evidence.Empty) { Reason = reason };
}
