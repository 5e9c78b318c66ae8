using System.Text.Json;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Reporting.Statewide;

/// <summary>
/// Writes the statewide summary of a batch audit as JSON (schema <c>bhh-statewide/1</c>):
/// snake_case keys, the agencies in the summary's (folder) order, numbers rounded to two places
/// half away from zero as in findings.json, LF line endings. The same summary always gives the
/// same bytes. Every agency has the same keys; what only an audit can tell (its summary, its
/// figures) is null for an agency that was not audited.
/// </summary>
public static class StatewideJson
{
    public const string Schema = "bhh-statewide/1";

    public static void Write(StatewideSummary summary, ToolInfo tool, Stream output)
    {
        using var json = new Utf8JsonWriter(output, PlainText.JsonOptions);
        PlainText.StartDocument(json, Schema, tool);

        PlainText.WriteRuleSet(json, summary.RuleSet.Name, summary.RuleSet.Version, summary.RuleSet.Sha256);

        // Null when each agency's review type chose its profile; each agency then names its own.
        json.WriteString("profile", summary.Profile);

        WriteTotals(json, summary);

        json.WriteStartArray("agencies");
        foreach (var agency in summary.Agencies)
        {
            WriteAgency(json, agency);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteTotals(Utf8JsonWriter json, StatewideSummary summary)
    {
        json.WriteStartObject("totals");
        json.WriteNumber("agencies", summary.Agencies.Count);
        json.WriteNumber("audited", summary.Count(BatchStatus.Audited));
        json.WriteNumber("bad_input", summary.Count(BatchStatus.BadInput));
        json.WriteNumber("error", summary.Count(BatchStatus.Error));
        foreach (var (determination, count) in summary.Determinations)
        {
            json.WriteNumber(determination.Name().Replace('-', '_'), count);
        }

        json.WriteNumber("enrollee_months", summary.EnrolleeMonths);
        WriteNumber(json, "monthly_minimum_rate", summary.MonthlyMinimumRate);
        json.WriteNumber("claims", summary.Claims);
        // Null, not 0, when no agency's claim rules ran: nothing was checked, which is not "nothing at risk".
        WriteNumber(json, "claims_at_risk", summary.ClaimsAtRisk);
        WriteNumber(json, "amount_at_risk", summary.AmountAtRisk);
        WriteNumber(json, "staffing_gap_fte", summary.StaffingGapFte);
        json.WriteNumber("agencies_short_staffed", summary.AgenciesShortStaffed);
        json.WriteEndObject();
    }

    private static void WriteAgency(Utf8JsonWriter json, AgencyAudit agency)
    {
        var audited = agency.Status == BatchStatus.Audited;
        json.WriteStartObject();
        json.WriteString("folder", agency.Folder);
        json.WriteString("status", agency.Status.Name());
        json.WriteStartObject("agency");
        json.WriteString("id", agency.AgencyId);
        json.WriteString("name", agency.AgencyName);
        json.WriteEndObject();
        json.WriteString("profile", agency.Profile);
        json.WriteString("as_of", agency.AsOf is { } asOf ? Formats.Date(asOf) : null);
        json.WriteString("determination", agency.Determination?.Name());

        json.WritePropertyName("summary");
        if (audited)
        {
            json.WriteStartObject();
            foreach (var outcome in Wire.Outcomes)
            {
                json.WriteNumber(outcome.SummaryKey(), agency.Counts.GetValueOrDefault(outcome));
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("failed_rules");
        foreach (var ruleId in agency.FailedRules)
        {
            json.WriteStringValue(ruleId);
        }

        json.WriteEndArray();

        WriteMetrics(json, agency.Metrics, audited);

        json.WriteStartObject("input");
        json.WriteNumber("errors", agency.InputErrors);
        json.WriteNumber("warnings", agency.InputWarnings);
        json.WriteEndObject();

        json.WriteString("problem", agency.Problem);

        json.WriteStartArray("outputs");
        foreach (var output in agency.Outputs)
        {
            json.WriteStringValue(output);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The agency's key figures. Unless it was audited nothing was measured, so the counts that
    /// would otherwise read as zero (claims at risk, the staffing gap) are null too; claims at risk
    /// are null as well when no claim rule ran.
    /// </summary>
    private static void WriteMetrics(Utf8JsonWriter json, AgencyMetrics metrics, bool audited)
    {
        json.WriteStartObject("metrics");
        WriteNumber(json, "census", metrics.Census);
        WriteNumber(json, "enrollee_months", metrics.EnrolleeMonths);
        WriteNumber(json, "months_met", metrics.MonthsMet);
        WriteNumber(json, "monthly_minimum_rate", metrics.MonthlyMinimumRate);
        WriteNumber(json, "claims", metrics.Claims);
        WriteNumber(json, "claims_at_risk", audited ? metrics.ClaimsAtRisk : null);
        WriteNumber(json, "amount_at_risk", audited ? metrics.AmountAtRisk : null);
        WriteNumber(json, "staffing_gap_fte", audited ? metrics.StaffingGapFte : null);
        WriteStrings(json, "roles_short", metrics.RolesShort);
        WriteStrings(json, "missing_roles", metrics.MissingRoles);
        json.WriteEndObject();
    }

    /// <summary>A number as findings.json writes it (two places at most, half away from zero), or null.</summary>
    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        json.WritePropertyName(name);
        if (value is { } number)
        {
            json.WriteRawValue(Formats.Plain(number));
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
