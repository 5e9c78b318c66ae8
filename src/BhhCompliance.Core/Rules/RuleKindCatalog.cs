using BhhCompliance.Core.Rules.Kinds;

namespace BhhCompliance.Core.Rules;

/// <summary>The rule kinds a rule set may name.</summary>
public sealed class RuleKindCatalog
{
    private readonly Dictionary<string, RuleKind> _kinds;

    public RuleKindCatalog(IEnumerable<RuleKind> kinds) =>
        _kinds = kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Every kind this tool implements.</summary>
    public static RuleKindCatalog Standard { get; } = new(
    [
        new StaffRatioKind(),
        new TeamMinimumKind(),
        new StaffCredentialKind(),
        new LicenseCurrentKind(),
        new LicenseExpiringKind(),
        new PcHoursKind(),
        new PcNotBilledKind(),
        new MonthlyMinimumKind(),
        new CoreServicesKind(),
        new ServicesDocumentedKind(),
        new BillingCodesKind(),
        new ClaimsSubstantiatedKind(),
        new ClaimsEnrolledKind(),
        new ClaimsDuplicateKind(),
        new ChartEventExistsKind(),
        new ChartEventFollowsKind(),
        new ChartEventInWindowKind(),
        new ChartAttestationKind(),
    ]);

    public IEnumerable<RuleKind> All => _kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal);

    public RuleKind? Find(string name) => _kinds.GetValueOrDefault(name);
}
