using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>
/// Primary care consultant hours from the PC Tracker against hours per enrollee per year
/// (program.md: 1 hour of service per enrollee per year), prorated over member months.
/// Entries the consultant billed to Medicaid do not count.
/// </summary>
public sealed class PcHoursKind : RuleKind
{
    public override string Name => "pc-hours";

    public override string Description => "PC Tracker hours in the period against member months x hours per enrollee-year / 12.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("hours_per_enrollee_year", ParameterType.Decimal, "consultant hours required per enrollee per year") { Minimum = 0 },
        new("tolerance", ParameterType.Decimal, "fraction below the requirement that warns instead of failing") { Minimum = 0, Maximum = 1 },
    ];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["member_months", "required_hours", "actual_hours"];

    public override SnapshotParts Requires => SnapshotParts.PcTracker | SnapshotParts.Enrollees;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var perYear = rule.Parameters.Decimal("hours_per_enrollee_year");
        var memberMonths = context.MemberMonths;
        var minutes = context.PcTracker.Rows
            .Where(e => context.Period.Contains(e.Date) && !e.BilledToMedicaid)
            .Sum(e => e.Minutes);
        var evidence = new Evidence
        {
            ["member_months"] = memberMonths,
            ["required_hours"] = memberMonths * perYear / 12m,
            ["actual_hours"] = minutes / 60m,
        };

        if (memberMonths == 0)
        {
            yield return RuleResult.NotApplicable(Wording.NoMemberMonths(context.Period), evidence);
            yield break;
        }

        // Compared in minutes x 12 so that neither side is divided: minutes/60 >= mm*h/12.
        var outcome = Grade(minutes * 12m, memberMonths * perYear * 60m, rule.Parameters.Decimal("tolerance"));
        yield return RuleResult.ForAgency(outcome, evidence);
    }
}

/// <summary>The consultant must not bill BHH work to Medicaid directly (program.md).</summary>
public sealed class PcNotBilledKind : RuleKind
{
    public override string Name => "pc-not-billed";

    public override string Description => "No PC Tracker entry in the period was billed to Medicaid.";

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["billed_entries"];

    public override SnapshotParts Requires => SnapshotParts.PcTracker;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var billed = context.PcTracker.Rows.Where(e => context.Period.Contains(e.Date) && e.BilledToMedicaid).ToList();
        yield return RuleResult.ForAgency(PassUnless(billed.Count > 0), new Evidence { ["billed_entries"] = billed.Count }) with
        {
            Details = [.. billed.Select(DetailRows.Of)],
        };
    }
}
