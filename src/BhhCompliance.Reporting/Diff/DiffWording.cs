using System.Globalization;
using System.Text.Json;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Reporting.Diff;

/// <summary>The words of the comparison that the text and Markdown reports share.</summary>
public static class DiffWording
{
    public const string ResolvedTitle = "Fixed since the last audit";
    public const string PersistingTitle = "Still failing";
    public const string NewTitle = "New problems";
    public const string ChangedTitle = "Changed";
    public const string OnlyInOldTitle = "Rules only in the old audit";
    public const string OnlyInNewTitle = "Rules only in the new audit";

    /// <summary>The sections of findings, the corrective-action view first, with what each one holds.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<FindingChange> Changes, string Empty)> Sections(AuditComparison comparison) =>
    [
        (ResolvedTitle, comparison.Resolved, "No finding that needed action in the last audit passes now, or is gone."),
        (PersistingTitle, comparison.Persisting, "No finding needs action in both audits with the same outcome."),
        (NewTitle, comparison.NewProblems, "No finding needs action now that passed, was waived or was absent in the last audit."),
        (ChangedTitle, comparison.Changed, "No other outcome or evidence changed."),
    ];

    /// <summary>"River Valley Services (LMHA-RV)", or both agencies when they differ.</summary>
    public static string Agency(AuditComparison comparison) =>
        comparison.AgencyChanged ? $"{comparison.Old.Agency} and {comparison.New.Agency}" : comparison.New.Agency.ToString();

    /// <summary>
    /// "credentialing as of 2026-09-30, period 2026-04-01 to 2026-09-30; rule set ct-bhh 2026.1
    /// (sha256 dc18c7fbd8cf)", with the profile when it is not the review type's own.
    /// </summary>
    public static string Audit(RecordedAudit audit)
    {
        var profile = audit.Profile == audit.Review.Type ? string.Empty : $", profile {audit.Profile}";
        return $"{audit.Review.Type} as of {Formats.Date(audit.Review.AsOf)}, period {Period(audit.Review)}; rule set {audit.RuleSet}{profile}";
    }

    public static string Period(RecordedReview review) => $"{Formats.Date(review.PeriodStart)} to {Formats.Date(review.PeriodEnd)}";

    /// <summary>"CONDITIONAL → CERTIFIED", or "CONDITIONAL (unchanged)".</summary>
    public static string Determination(AuditComparison comparison) =>
        comparison.Old.Determination == comparison.New.Determination
            ? $"{ReportWording.DeterminationLabel(comparison.New.Determination)} (unchanged)"
            : $"{ReportWording.DeterminationLabel(comparison.Old.Determination)} → {ReportWording.DeterminationLabel(comparison.New.Determination)}";

    /// <summary>What a reader must know before trusting the comparison: what differs besides the agency's records.</summary>
    public static IReadOnlyList<string> Cautions(AuditComparison comparison)
    {
        var (old, @new) = (comparison.Old, comparison.New);
        var cautions = new List<string>();
        if (comparison.AgencyChanged)
        {
            cautions.Add($"The audits are of different agencies: {old.Agency} and {@new.Agency}. Findings are matched by rule and subject all the same.");
        }

        if (comparison.RuleSetChanged)
        {
            cautions.Add($"The rule set changed: {old.RuleSet} → {@new.RuleSet}. A difference below may come from the rules rather than from the agency.");
        }

        if (comparison.ProfileChanged)
        {
            cautions.Add($"The profile changed: {old.Profile} → {@new.Profile}. Rules run by one profile alone are listed apart.");
        }

        foreach (var change in comparison.SeverityChanges)
        {
            cautions.Add($"{change.RuleId} changed severity: {change.Old.Name()} → {change.New.Name()}.");
        }

        if (old.Review.AsOf > @new.Review.AsOf)
        {
            cautions.Add($"The old audit is as of {Formats.Date(old.Review.AsOf)}, after the new one ({Formats.Date(@new.Review.AsOf)}): were the files given the wrong way round?");
        }

        return cautions;
    }

    /// <summary>"2 fixed, 8 still failing, 1 new problem, 3 changed (1 of them now fails), 29 unchanged."</summary>
    public static string Tally(AuditComparison comparison)
    {
        var parts = new List<string>
        {
            Count(comparison.Resolved.Count, "fixed", "fixed"),
            Count(comparison.Persisting.Count, "still failing", "still failing"),
            Count(comparison.NewProblems.Count, "new problem", "new problems"),
            Count(comparison.Changed.Count, "changed", "changed") + NowFailing(comparison.Changed),
            Count(comparison.UnchangedCount, "unchanged", "unchanged"),
        };
        var onlyOne = comparison.OnlyInOld.Concat(comparison.OnlyInNew).Select(c => c.Key.RuleId).Distinct().Count();
        if (onlyOne > 0)
        {
            parts.Add(Count(onlyOne, "rule in only one audit", "rules in only one audit"));
        }

        return string.Join(", ", parts) + ".";
    }

    /// <summary>
    /// " (1 of them now fails)": a change to <c>fail</c> from another open outcome is not a new
    /// problem, but it is what a reviewer looks for first.
    /// </summary>
    private static string NowFailing(IReadOnlyList<FindingChange> changes)
    {
        var count = changes.Count(c => c.New?.Outcome == Core.Findings.Outcome.Fail && c.Old?.Outcome != Core.Findings.Outcome.Fail);
        return count == 0 ? string.Empty : $" ({count.ToString(CultureInfo.InvariantCulture)} of them now {(count == 1 ? "fails" : "fail")})";
    }

    /// <summary>"Unchanged: 29 pass, 1 not applicable (30 findings, ...)."</summary>
    public static string Unchanged(AuditComparison comparison) => $"Unchanged: {UnchangedCounts(comparison)}";

    /// <summary>"29 pass, 1 not applicable (30 findings, the same outcome and evidence in both audits)." or "none."</summary>
    public static string UnchangedCounts(AuditComparison comparison)
    {
        var counts = comparison.Unchanged.Where(c => c.Count > 0).Select(c => $"{c.Count.ToString(CultureInfo.InvariantCulture)} {ReportWording.OutcomeLabel(c.Outcome).ToLowerInvariant()}").ToList();
        return counts.Count == 0
            ? "none."
            : $"{string.Join(", ", counts)} ({Count(comparison.UnchangedCount, "finding", "findings")}, the same outcome and evidence in both audits).";
    }

    /// <summary>"FAIL → PASS"; "FAIL" when the outcome stayed; "FAIL → ABSENT" when the subject is gone.</summary>
    public static string Transition(FindingChange change) => (change.Old, change.New) switch
    {
        ({ } old, { } now) when old.Outcome == now.Outcome && old.WaivedOutcome == now.WaivedOutcome => Outcome(now),
        ({ } old, { } now) => $"{Outcome(old)} → {Outcome(now)}",
        ({ } old, null) => $"{Outcome(old)} → ABSENT",
        (null, { } now) => $"ABSENT → {Outcome(now)}",
        _ => string.Empty,
    };

    /// <summary>An outcome as the summary shows it: "FAIL", "NOT APPLICABLE", "WAIVED (FAIL)".</summary>
    public static string Outcome(RecordedFinding finding)
    {
        var label = ReportWording.OutcomeLabel(finding.Outcome).ToUpperInvariant();
        return finding.WaivedOutcome is { } waived ? $"{label} ({ReportWording.OutcomeLabel(waived).ToUpperInvariant()})" : label;
    }

    /// <summary>"STAFF-NURSE-RATIO (major): Nurse Care Manager staffing meets 1:200", with the subject when it is not the agency.</summary>
    public static string Heading(FindingChange change) =>
        $"{change.Key} ({change.Severity.Name()}): {change.Title}";

    /// <summary>
    /// The finding's message in the new audit; for a finding whose subject is gone, that it is
    /// gone, and its last message; for a subject that was not in the last audit, that it is new.
    /// </summary>
    public static string Message(FindingChange change) => (change.Old, change.New) switch
    {
        ({ }, { } now) => now.Message,
        (null, { } now) => $"{Subject(change.Key)} was not in the old audit. {now.Message}",
        ({ } old, null) => $"The rule still ran, but {Subject(change.Key, lower: true)} is no longer in the audit. Last time: {old.Message}",
        _ => string.Empty,
    };

    /// <summary>The message of a finding of a rule that ran in one audit alone.</summary>
    public static string OneSidedMessage(FindingChange change) => (change.New ?? change.Old)?.Message ?? string.Empty;

    /// <summary>"caseload 200 → 150; required_fte 2.04 → 2.71", or null when the evidence did not change.</summary>
    public static string? Evidence(FindingChange change) =>
        change.EvidenceChanges.Count == 0
            ? null
            : "Evidence: " + string.Join("; ", change.EvidenceChanges.Select(e => $"{e.Key} {Value(e.Old)} → {Value(e.New)}"));

    /// <summary>An evidence value for a reader: numbers with thousands separators, lists joined, "none" for an empty list.</summary>
    public static string Value(JsonElement? value) => value switch
    {
        null => "(absent)",
        { ValueKind: JsonValueKind.Number } n when n.TryGetDecimal(out var number) => Formats.Number(number),
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        { ValueKind: JsonValueKind.Null } => "(no value)",
        { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() == 0 => "none",
        { ValueKind: JsonValueKind.Array } a => string.Join(", ", a.EnumerateArray().Select(item => Value(item))),
        { ValueKind: JsonValueKind.Object } version when version.TryGetProperty("effective_from", out _) => InForce(version),
        { } other => other.GetRawText(),
    };

    /// <summary>A rule_version object in words: "in force until 2026-06-30", "in force from 2026-07-01".</summary>
    private static string InForce(JsonElement version)
    {
        string? Day(string name) => version.TryGetProperty(name, out var day) && day.ValueKind == JsonValueKind.String ? day.GetString() : null;
        return (Day("effective_from"), Day("effective_to")) switch
        {
            (null, null) => "the version in force always",
            ({ } from, null) => $"the version in force from {from}",
            (null, { } to) => $"the version in force until {to}",
            ({ } from, { } to) => $"the version in force from {from} to {to}",
        };
    }

    private static string Subject(FindingKey key, bool lower = false)
    {
        var text = key.Subject.StartsWith("staff:", StringComparison.Ordinal) ? $"Staff member {key.Subject["staff:".Length..]}" : $"The subject {key.Subject}";
        return lower ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static string Count(int count, string one, string many) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
