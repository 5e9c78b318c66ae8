using System.Text.Json;
using BhhCompliance.Core.Findings;

namespace BhhCompliance.Reporting.Diff;

/// <summary>
/// Two audits of one agency compared finding by finding: the last review (old) and this one
/// (new), or one snapshot audited under two rule sets.
/// <para>
/// Findings are matched by rule id and subject, never by their place in the files. Outcomes fall
/// in three groups: <b>open</b> outcomes need action (fail, warn, error, cannot-evaluate,
/// not-reviewed); <b>passing</b> ones do not (pass, not-applicable); <b>waived</b> is a problem
/// the program has accepted, so it neither needs action nor counts as fixed. A rule <b>ran</b>
/// in an audit when the audit has at least one finding for it: the engine always writes one,
/// not-applicable when it has no subject.
/// </para>
/// <list type="bullet">
/// <item><b>Resolved</b> (fixed since the last audit): open in the old audit, and passing in the
/// new one, or gone from it while its rule still ran there. A finding is gone when its subject
/// is no longer audited, such as a staff member who left: the problem no longer exists at the
/// agency, so it counts as fixed, and the reports say that the subject is gone.</item>
/// <item><b>Persisting</b> (still failing): open in both audits with the same outcome, whatever
/// its evidence did; the evidence that moved is listed.</item>
/// <item><b>New</b> (new problems): open in the new audit, and passing, waived or absent in the
/// old one while its rule ran there. A lapsed waiver's finding is new: it needs action again.</item>
/// <item><b>Changed</b>: every other difference between two audits where the rule ran in both.
/// An open outcome that became another (fail → warn, warn → fail, fail → waived); a passing or
/// waived outcome that became another (pass → not-applicable); a passing or waived finding whose
/// subject appeared or is gone; or the same passing or waived outcome with other evidence.</item>
/// <item><b>Unchanged</b>: the same passing or waived outcome with the same evidence; counted,
/// not listed.</item>
/// <item><b>Only in the old</b> or <b>only in the new</b> audit: findings of a rule that ran in
/// one audit alone, because the rule set or the profile differs. They are in no category above:
/// a dropped rule's failure was not fixed, and a new rule's failure is not the agency's doing.</item>
/// </list>
/// Messages, details and citations are not compared: the evidence summarises the details, and
/// the messages are written from the evidence.
/// </summary>
public sealed record AuditComparison(
    RecordedAudit Old,
    RecordedAudit New,
    IReadOnlyList<FindingChange> Resolved,
    IReadOnlyList<FindingChange> Persisting,
    IReadOnlyList<FindingChange> NewProblems,
    IReadOnlyList<FindingChange> Changed,
    IReadOnlyList<OutcomeCount> Unchanged,
    IReadOnlyList<FindingChange> OnlyInOld,
    IReadOnlyList<FindingChange> OnlyInNew,
    IReadOnlyList<SeverityChange> SeverityChanges)
{
    /// <summary>The outcomes an unchanged finding can have, in the order reports count them.</summary>
    public static IReadOnlyList<Outcome> SettledOutcomes { get; } = [Outcome.Pass, Outcome.NotApplicable, Outcome.Waived];

    public bool RuleSetChanged => Old.RuleSet != New.RuleSet;

    public bool ProfileChanged => Old.Profile != New.Profile;

    public bool AgencyChanged => Old.Agency.Id != New.Agency.Id;

    public int UnchangedCount => Unchanged.Sum(c => c.Count);

    /// <summary>Whether the new audit still has a <c>fail</c>: what <c>bhh audit</c> would exit 1 for.</summary>
    public bool NewHasFailures => New.Findings.Any(f => f.Outcome == Outcome.Fail);

    /// <summary>An outcome that needs action: fail, warn, error, cannot-evaluate, not-reviewed.</summary>
    public static bool IsOpen(Outcome outcome) => outcome is not (Outcome.Pass or Outcome.NotApplicable or Outcome.Waived);

    public static bool IsPassing(Outcome outcome) => outcome is Outcome.Pass or Outcome.NotApplicable;

    public static AuditComparison Of(RecordedAudit old, RecordedAudit @new)
    {
        var oldFindings = old.Findings.ToDictionary(f => f.Key);
        var newFindings = @new.Findings.ToDictionary(f => f.Key);
        var oldRules = old.Findings.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var newRules = @new.Findings.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);

        // A rule that could not be evaluated in the new audit (a file missing, a defect) has lost its
        // subjects for that reason, not because they were fixed.
        var notEvaluatedInNew = @new.Findings
            .Where(f => f.Outcome is Outcome.CannotEvaluate or Outcome.Error)
            .Select(f => f.RuleId)
            .ToHashSet(StringComparer.Ordinal);

        var sections = new Dictionary<Category, List<FindingChange>>();
        foreach (var category in Enum.GetValues<Category>())
        {
            sections[category] = [];
        }

        var unchanged = SettledOutcomes.ToDictionary(o => o, _ => 0);
        foreach (var key in oldFindings.Keys.Union(newFindings.Keys))
        {
            var before = oldFindings.GetValueOrDefault(key);
            var after = newFindings.GetValueOrDefault(key);
            var change = new FindingChange(key, before, after, EvidenceChanges(before, after));
            var category = Classify(change, oldRules.Contains(key.RuleId), newRules.Contains(key.RuleId), notEvaluatedInNew.Contains(key.RuleId));
            if (category == Category.Unchanged)
            {
                unchanged[after!.Outcome]++;
            }
            else
            {
                sections[category].Add(change);
            }
        }

        List<FindingChange> Sorted(Category category) =>
        [
            .. sections[category]
                .OrderByDescending(c => c.Urgency)
                .ThenBy(c => c.Key.RuleId, StringComparer.Ordinal)
                .ThenBy(c => c.Key.Subject, StringComparer.Ordinal),
        ];

        return new AuditComparison(
            old,
            @new,
            Sorted(Category.Resolved),
            Sorted(Category.Persisting),
            Sorted(Category.New),
            Sorted(Category.Changed),
            [.. SettledOutcomes.Select(o => new OutcomeCount(o, unchanged[o]))],
            Sorted(Category.OnlyInOld),
            Sorted(Category.OnlyInNew),
            SeverityChangesOf(old, @new));
    }

    private static Category Classify(FindingChange change, bool ranInOld, bool ranInNew, bool notEvaluatedInNew)
    {
        var (before, after) = (change.Old?.Outcome, change.New?.Outcome);
        if (before is null && !ranInOld)
        {
            return Category.OnlyInNew;
        }

        if (after is null && !ranInNew)
        {
            return Category.OnlyInOld;
        }

        if (before is { } was && IsOpen(was))
        {
            return after switch
            {
                null when notEvaluatedInNew => Category.Changed,
                null => Category.Resolved,
                { } now when IsPassing(now) => Category.Resolved,
                { } now when now == was => Category.Persisting,
                _ => Category.Changed,
            };
        }

        if (after is { } isNow && IsOpen(isNow))
        {
            return Category.New;
        }

        return before == after && change.EvidenceChanges.Count == 0 ? Category.Unchanged : Category.Changed;
    }

    /// <summary>The name under which a change of rule version is listed with the evidence changes.</summary>
    public const string RuleVersionKey = "rule_version";

    /// <summary>Evidence keys whose values differ, in the new finding's order, then keys the old one alone had; then a change of rule version.</summary>
    private static List<EvidenceChange> EvidenceChanges(RecordedFinding? before, RecordedFinding? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        var oldValues = before.Evidence.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var newKeys = after.Evidence.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var changes = new List<EvidenceChange>();
        foreach (var (key, value) in after.Evidence)
        {
            // DeepEquals compares numbers by value, so 2.5 and 2.50 are the same evidence.
            if (!oldValues.TryGetValue(key, out var oldValue) || !JsonElement.DeepEquals(oldValue, value))
            {
                changes.Add(new EvidenceChange(key, oldValues.TryGetValue(key, out var was) ? was : null, value));
            }
        }

        changes.AddRange(before.Evidence.Where(e => !newKeys.Contains(e.Key)).Select(e => new EvidenceChange(e.Key, e.Value, null)));

        // Another version of the rule was applied (effective dates): as telling as any evidence.
        if ((before.RuleVersion, after.RuleVersion) is var (oldVersion, newVersion)
            && (oldVersion is { } a ? newVersion is not { } b || !JsonElement.DeepEquals(a, b) : newVersion is not null))
        {
            changes.Add(new EvidenceChange(RuleVersionKey, oldVersion, newVersion));
        }

        return changes;
    }

    /// <summary>Rules that ran in both audits with another severity: a rule set change that can move the determination.</summary>
    private static List<SeverityChange> SeverityChangesOf(RecordedAudit old, RecordedAudit @new)
    {
        var oldSeverity = old.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Severity, StringComparer.Ordinal);
        return
        [
            .. @new.Findings
                .GroupBy(f => f.RuleId, StringComparer.Ordinal)
                .Where(g => oldSeverity.TryGetValue(g.Key, out var was) && was != g.First().Severity)
                .Select(g => new SeverityChange(g.Key, oldSeverity[g.Key], g.First().Severity))
                .OrderBy(c => c.RuleId, StringComparer.Ordinal),
        ];
    }

    private enum Category
    {
        Resolved,
        Persisting,
        New,
        Changed,
        Unchanged,
        OnlyInOld,
        OnlyInNew,
    }
}

/// <summary>
/// One finding in both audits, or in one of them (the other side null), and the evidence keys
/// whose values changed.
/// </summary>
public sealed record FindingChange(FindingKey Key, RecordedFinding? Old, RecordedFinding? New, IReadOnlyList<EvidenceChange> EvidenceChanges)
{
    /// <summary>The rule's title and severity as the new audit has them, or the old one when the finding is gone.</summary>
    public string Title => Latest.Title;

    public Severity Severity => Latest.Severity;

    /// <summary>The more urgent of the two outcomes (<see cref="Wire.Urgency"/>): what a section lists first.</summary>
    public int Urgency => Math.Max(Old?.Outcome.Urgency() ?? -1, New?.Outcome.Urgency() ?? -1);

    private RecordedFinding Latest => New ?? Old ?? throw new InvalidOperationException("A change has at least one side.");
}

/// <summary>An evidence value before and after; null for a key that side did not have.</summary>
public sealed record EvidenceChange(string Key, JsonElement? Old, JsonElement? New);

public sealed record OutcomeCount(Outcome Outcome, int Count);

public sealed record SeverityChange(string RuleId, Severity Old, Severity New);
