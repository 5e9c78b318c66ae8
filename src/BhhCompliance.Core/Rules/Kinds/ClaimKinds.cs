using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>
/// What the three claim kinds share: they look at the claims for full months of the period,
/// are not applicable without any, and report the claims they flag with the amount at risk.
/// </summary>
public abstract class ClaimRuleKind : RuleKind
{
    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var claims = context.ClaimsInPeriod;
        var flagged = Flag(claims, context);
        var evidence = Describe(claims.Count, flagged.Count, flagged.Sum(f => f.Claim.Amount));
        if (claims.Count == 0)
        {
            yield return RuleResult.NotApplicable(Wording.NoClaimsInPeriod(context.Period), evidence);
            yield break;
        }

        yield return RuleResult.ForAgency(PassUnless(flagged.Count > 0), evidence) with
        {
            Details = [.. flagged.Select(f => Detail(f.Claim, f.DuplicateOf))],
        };
    }

    /// <summary>The claims the rule objects to, in file order; a duplicate names the claim it repeats.</summary>
    protected abstract List<(Claim Claim, string? DuplicateOf)> Flag(IReadOnlyList<Claim> claims, AuditContext context);

    protected abstract Evidence Describe(int claims, int flagged, decimal amountAtRisk);

    private static DetailRow Detail(Claim claim, string? duplicateOf)
    {
        var row = DetailRows.Of(claim);
        if (duplicateOf is not null)
        {
            row.Fields["duplicate_of"] = duplicateOf;
        }

        return row;
    }
}

/// <summary>Each claimed month is substantiated by a documented service that month (program.md).</summary>
public sealed class ClaimsSubstantiatedKind : ClaimRuleKind
{
    public override string Name => "claims-substantiated";

    public override string Description => "Each claim has a service record with a note for that enrollee in the claim month.";

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["claims", "unsubstantiated", "amount_at_risk"];

    public override SnapshotParts Requires => SnapshotParts.Claims | SnapshotParts.Services;

    protected override List<(Claim Claim, string? DuplicateOf)> Flag(IReadOnlyList<Claim> claims, AuditContext context) =>
        [.. claims.Where(c => !context.Services.HasDocumentedService(c.EnrolleeId, c.Month)).Select(c => (c, (string?)null))];

    protected override Evidence Describe(int claims, int flagged, decimal amountAtRisk) =>
        new() { ["claims"] = claims, ["unsubstantiated"] = flagged, ["amount_at_risk"] = amountAtRisk };
}

/// <summary>No claim is for a month in which the enrollee was not enrolled on any day.</summary>
public sealed class ClaimsEnrolledKind : ClaimRuleKind
{
    public override string Name => "claims-enrolled";

    public override string Description => "Each claim is for a month in which the enrollee was enrolled on at least one day.";

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["claims", "not_enrolled", "amount_at_risk"];

    public override SnapshotParts Requires => SnapshotParts.Claims | SnapshotParts.Enrollees;

    protected override List<(Claim Claim, string? DuplicateOf)> Flag(IReadOnlyList<Claim> claims, AuditContext context)
    {
        var enrollees = context.Enrollees.Rows.ToDictionary(e => e.EnrolleeId, StringComparer.Ordinal);
        return [.. claims
            .Where(c => !enrollees.TryGetValue(c.EnrolleeId, out var enrollee) || !enrollee.IsEnrolledDuring(c.Month))
            .Select(c => (c, (string?)null))];
    }

    protected override Evidence Describe(int claims, int flagged, decimal amountAtRisk) =>
        new() { ["claims"] = claims, ["not_enrolled"] = flagged, ["amount_at_risk"] = amountAtRisk };
}

/// <summary>
/// One claim per enrollee per month. The first claim in file order stands; the ones after it
/// are duplicates, each detail naming the claim it duplicates.
/// </summary>
public sealed class ClaimsDuplicateKind : ClaimRuleKind
{
    public override string Name => "claims-duplicate";

    public override string Description => "No enrollee has more than one claim for the same month.";

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["duplicates", "amount_at_risk"];

    public override SnapshotParts Requires => SnapshotParts.Claims;

    protected override List<(Claim Claim, string? DuplicateOf)> Flag(IReadOnlyList<Claim> claims, AuditContext context)
    {
        var first = new Dictionary<(string, Domain.YearMonth), string>();
        var duplicates = new List<(Claim, string?)>();
        foreach (var claim in claims)
        {
            if (first.TryGetValue((claim.EnrolleeId, claim.Month), out var original))
            {
                duplicates.Add((claim, original));
            }
            else
            {
                first.Add((claim.EnrolleeId, claim.Month), claim.ClaimId);
            }
        }

        return duplicates;
    }

    protected override Evidence Describe(int claims, int flagged, decimal amountAtRisk) =>
        new() { ["duplicates"] = flagged, ["amount_at_risk"] = amountAtRisk };
}
