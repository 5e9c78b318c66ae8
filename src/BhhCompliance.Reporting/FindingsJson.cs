using System.Text.Json;
using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;
using BhhCompliance.Core.Waivers;

namespace BhhCompliance.Reporting;

/// <summary>
/// Writes findings.json (cli.md, schema <c>bhh-findings/1</c>): snake_case keys, findings sorted
/// by rule id then subject, then the chart scores by enrollee id, then the waivers by rule id and
/// subject; numbers rounded to two places half away from zero, LF line endings. The same result
/// always gives the same bytes.
/// </summary>
public static class FindingsJson
{
    public const string Schema = "bhh-findings/1";

    public static void Write(AuditResult result, ToolInfo tool, Stream output)
    {
        using var json = new Utf8JsonWriter(output, PlainText.JsonOptions);
        PlainText.StartDocument(json, Schema, tool);

        PlainText.WriteRuleSet(json, result.RuleSet.Name, result.RuleSet.Version, result.RuleSet.Sha256);

        json.WriteString("profile", result.Profile);

        PlainText.WriteAgencyAndReview(json, result.Agency.Id, result.Agency.Name, result.Review.Type, result.Review.AsOf, result.Review.Period.Start, result.Review.Period.End);

        json.WriteString("determination", result.Determination.Name());

        json.WriteStartObject("summary");
        foreach (var outcome in Wire.Outcomes)
        {
            json.WriteNumber(outcome.SummaryKey(), result.Count(outcome));
        }

        json.WriteEndObject();

        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();

        // Always present, empty when no chart criterion ran, so that scripts can rely on it.
        json.WriteStartArray("charts");
        foreach (var chart in result.Charts)
        {
            WriteChart(json, chart);
        }

        json.WriteEndArray();

        // Always present, empty without --waivers, like the charts.
        json.WriteStartArray("waivers");
        foreach (var waiver in result.Waivers)
        {
            WriteWaiverStatus(json, waiver);
        }

        json.WriteEndArray();

        // Rules the profile selects with no version in force on the as-of date: not run, and said so.
        json.WriteStartArray("rules_not_in_force");
        foreach (var ruleId in result.RulesNotInForce)
        {
            json.WriteStringValue(ruleId);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("rule_id", finding.RuleId);
        json.WriteString("title", finding.Title);
        json.WriteString("severity", finding.Severity.Name());
        json.WriteString("outcome", finding.Outcome.Name());
        json.WriteString("subject", finding.Subject);
        json.WriteString("message", finding.Message);
        json.WritePropertyName("evidence");
        WriteValues(json, finding.Evidence);
        json.WriteString("citation", finding.Citation);

        // Only for a rule with effective dates: which of its versions was applied.
        if (finding.Version is { } version)
        {
            json.WriteStartObject("rule_version");
            WriteDate(json, "effective_from", version.EffectiveFrom);
            WriteDate(json, "effective_to", version.EffectiveTo);
            json.WriteEndObject();
        }

        json.WriteStartArray("details");
        foreach (var row in finding.Details)
        {
            json.WriteStartObject();
            foreach (var (key, value) in row.Fields)
            {
                json.WritePropertyName(key);
                WriteValue(json, value);
            }

            json.WriteString("source", row.Source.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // Only on a waived finding: what the rule found, and the waiver that excuses it.
        if (finding is { WaivedOutcome: { } original, Waiver: { } waiver })
        {
            json.WriteString("waived_outcome", original.Name());
            json.WriteStartObject("waiver");
            json.WriteString("justification", waiver.Justification);
            json.WriteString("requested_by", waiver.RequestedBy);
            json.WriteString("approved_by", waiver.ApprovedBy);
            WriteDate(json, "approved_on", waiver.ApprovedOn);
            json.WriteString("expires_on", Formats.Date(waiver.ExpiresOn));
            json.WriteString("source", waiver.Source.ToString());
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>One waiver of the audit and what became of it: applied, expired or unmatched.</summary>
    private static void WriteWaiverStatus(Utf8JsonWriter json, WaiverResult result)
    {
        var waiver = result.Waiver;
        json.WriteStartObject();
        json.WriteString("rule_id", waiver.RuleId);
        json.WriteString("subject", waiver.Subject);
        json.WriteString("status", result.Status.Name());
        json.WriteString("expires_on", Formats.Date(waiver.ExpiresOn));
        json.WriteString("approved_by", waiver.ApprovedBy);
        json.WriteString("source", waiver.Source.ToString());
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } day)
        {
            json.WriteString(name, Formats.Date(day));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>One chart's score (rules.md, "Chart review"): null when no criterion applied to it.</summary>
    private static void WriteChart(Utf8JsonWriter json, ChartScore chart)
    {
        json.WriteStartObject();
        json.WriteString("enrollee_id", chart.EnrolleeId);
        json.WriteNumber("met", chart.Met);
        json.WriteNumber("not_met", chart.NotMet);
        json.WritePropertyName("score");
        if (chart.Score is { } score)
        {
            json.WriteRawValue(Formats.Plain(score));
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter json, Evidence values)
    {
        json.WriteStartObject();
        foreach (var (key, value) in values)
        {
            json.WritePropertyName(key);
            WriteValue(json, value);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, EvidenceValue value)
    {
        switch (value)
        {
            case EvidenceValue.Number number:
                json.WriteRawValue(Formats.Plain(number.Value));
                break;
            case EvidenceValue.Text text:
                json.WriteStringValue(text.Value);
                break;
            case EvidenceValue.TextList list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }
}
