using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>
/// The service minimum: every full enrolled month of every enrollee has at least the minimum
/// minutes of service (program.md: at least 1 hour per month).
/// </summary>
public sealed class MonthlyMinimumKind : RuleKind
{
    public override string Name => "monthly-minimum";

    public override string Description => "Minutes of service in each full enrolled month against a monthly minimum; graded by the rate of months met.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("minimum_minutes", ParameterType.Decimal, "minutes of service an enrollee month needs") { Minimum = 0 },
        new("min_rate", ParameterType.Decimal, "rate of months met at or above which a shortfall warns instead of failing") { Minimum = 0, Maximum = 1 },
    ];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["enrollee_months", "met", "unmet", "rate"];

    public override SnapshotParts Requires => SnapshotParts.Services | SnapshotParts.Enrollees;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var minimum = rule.Parameters.Decimal("minimum_minutes");
        var ledger = context.Services;
        var total = 0;
        var unmet = new List<DetailRow>();
        foreach (var (enrollee, months) in context.EnrolledMonths)
        {
            foreach (var month in months)
            {
                total++;
                var minutes = ledger.MinutesIn(enrollee.EnrolleeId, month);
                if (minutes < minimum)
                {
                    // An unmet month may have no service record at all, so its source is the enrollment row.
                    unmet.Add(new DetailRow(
                        new Evidence { ["enrollee_id"] = enrollee.EnrolleeId, ["month"] = month, ["minutes"] = minutes },
                        enrollee.Source));
                }
            }
        }

        var met = total - unmet.Count;
        var evidence = new Evidence
        {
            ["enrollee_months"] = total,
            ["met"] = met,
            ["unmet"] = unmet.Count,
            ["rate"] = total == 0 ? EvidenceValue.None : met / (decimal)total,
        };

        if (total == 0)
        {
            yield return RuleResult.NotApplicable(Wording.NoMemberMonths(context.Period), evidence);
            yield break;
        }

        var outcome = met == total ? Outcome.Pass
            : met >= rule.Parameters.Decimal("min_rate") * total ? Outcome.Warn
            : Outcome.Fail;
        yield return RuleResult.ForAgency(outcome, evidence) with { Details = unmet };
    }
}

/// <summary>Each core service appears on at least one service record dated in the period.</summary>
public sealed class CoreServicesKind : RuleKind
{
    public override string Name => "core-services";

    public override string Description => "Each listed core service has at least one service record dated in the period.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("services", ParameterType.TextList, "the services the agency must show it provides") { Vocabulary = BhhProgram.CoreServices },
    ];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["missing"];

    public override IReadOnlyList<string> TemplateFields { get; } = ["missing_names"];

    public override SnapshotParts Requires => SnapshotParts.Services;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var missing = BhhProgram.CoreServices.InDocumentedOrder(
            rule.Parameters.TextList("services").Where(s => context.Services.RecordsForService(s) == 0));
        yield return RuleResult.ForAgency(PassUnless(missing.Count > 0), new Evidence { ["missing"] = EvidenceValue.List(missing) }) with
        {
            TemplateValues = new Dictionary<string, object?> { ["missing_names"] = missing.Select(BhhProgram.CoreServices.NameOf).ToArray() },
        };
    }
}

/// <summary>Every service record in the period has a progress note (a non-empty <c>note_id</c>).</summary>
public sealed class ServicesDocumentedKind : RuleKind
{
    public override string Name => "services-documented";

    public override string Description => "Every service record dated in the period has a note_id.";

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["services", "undocumented"];

    public override SnapshotParts Requires => SnapshotParts.Services;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var ledger = context.Services;
        var evidence = new Evidence { ["services"] = ledger.RecordsInPeriod, ["undocumented"] = ledger.UndocumentedInPeriod.Count };
        if (ledger.RecordsInPeriod == 0)
        {
            yield return RuleResult.NotApplicable(Wording.NoServicesInPeriod(context.Period), evidence);
            yield break;
        }

        yield return RuleResult.ForAgency(PassUnless(ledger.UndocumentedInPeriod.Count > 0), evidence) with
        {
            Details = [.. ledger.UndocumentedInPeriod.Select(s => DetailRows.Of(s))],
        };
    }
}

/// <summary>
/// Every service record in the period carries one of the BHH procedure codes. Details list each
/// record with another code; a code on more than <see cref="ServiceLedger.RecordsKeptPerCode"/>
/// records is listed once, with its count and first line, because the ledger keeps only a count
/// for codes that common.
/// </summary>
public sealed class BillingCodesKind : RuleKind
{
    public override string Name => "billing-codes";

    public override string Description => "Every service record dated in the period has an accepted procedure code.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("codes", ParameterType.TextList, "the accepted procedure codes"),
    ];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["services", "invalid"];

    public override SnapshotParts Requires => SnapshotParts.Services;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var codes = rule.Parameters.TextList("codes");
        var ledger = context.Services;
        var invalid = ledger.ProcedureCodesInPeriod.Where(t => !codes.Contains(t.Code, StringComparer.OrdinalIgnoreCase)).ToList();
        var evidence = new Evidence { ["services"] = ledger.RecordsInPeriod, ["invalid"] = invalid.Sum(t => t.Records) };
        if (ledger.RecordsInPeriod == 0)
        {
            yield return RuleResult.NotApplicable(Wording.NoServicesInPeriod(context.Period), evidence);
            yield break;
        }

        var details = invalid
            .SelectMany(t => t.Rows is { } rows
                ? rows.Select(r => DetailRows.Of(r))
                : [new DetailRow(new Evidence { ["procedure_code"] = t.Code, ["records"] = t.Records }, t.FirstSource)])
            .OrderBy(d => d.Source.Line);
        yield return RuleResult.ForAgency(PassUnless(invalid.Count > 0), evidence) with { Details = [.. details] };
    }
}
