using System.Text.Json;
using BhhCompliance.Core.Findings;

namespace BhhCompliance.Reporting.Diff;

/// <summary>
/// An audit as findings.json recorded it (cli.md, schema <c>bhh-findings/1</c>): what
/// <c>bhh diff</c> needs of it, and nothing else. Keys it does not know (the chart scores, waiver
/// fields, rule versions ...) are read past, so that a newer findings.json still compares.
/// </summary>
public sealed record RecordedAudit(
    RecordedRuleSet RuleSet,
    string Profile,
    RecordedAgency Agency,
    RecordedReview Review,
    Determination Determination,
    IReadOnlyList<RecordedFinding> Findings);

public sealed record RecordedRuleSet(string Name, string Version, string Sha256)
{
    /// <summary>"ct-bhh 2026.1 (sha256 dc18c7fbd8cf)": the first 12 hex digits tell rule sets apart.</summary>
    public override string ToString() => $"{Name} {Version} (sha256 {(Sha256.Length > 12 ? Sha256[..12] : Sha256)})";
}

public sealed record RecordedAgency(string Id, string? Name)
{
    /// <summary>"River Valley Services (LMHA-RV)", or the id alone when the agency has no name.</summary>
    public override string ToString() => Name is { Length: > 0 } name ? $"{name} ({Id})" : Id;
}

public sealed record RecordedReview(string Type, DateOnly AsOf, DateOnly PeriodStart, DateOnly PeriodEnd);

/// <summary>A finding is known across audits by its rule and subject (<c>agency</c> or <c>staff:ID</c>).</summary>
public readonly record struct FindingKey(string RuleId, string Subject)
{
    public override string ToString() => Subject == Finding.AgencySubject ? RuleId : $"{RuleId} {Subject}";
}

/// <summary>
/// One finding as recorded. <see cref="WaivedOutcome"/> is the outcome a waiver set aside, when
/// the outcome is <c>waived</c> and the file says so. Evidence keeps the file's key order and
/// its values as JSON, so that values of any shape compare and print as they were written.
/// </summary>
public sealed record RecordedFinding(
    string RuleId,
    string Subject,
    string Title,
    Severity Severity,
    Outcome Outcome,
    string Message,
    IReadOnlyList<EvidenceEntry> Evidence)
{
    public Outcome? WaivedOutcome { get; init; }

    /// <summary>The finding's <c>rule_version</c> object, for a rule with effective dates; null for an undated rule.</summary>
    public JsonElement? RuleVersion { get; init; }

    public FindingKey Key => new(RuleId, Subject);
}

/// <summary>One key of a finding's evidence, and its value exactly as the file holds it.</summary>
public sealed record EvidenceEntry(string Key, JsonElement Value);
