using System.Text.Json;
using BhhCompliance.Core.Findings;

namespace BhhCompliance.Reporting.Diff;

/// <summary>
/// Writes the comparison as JSON (schema <c>bhh-diff/1</c>): snake_case keys, each category a
/// list in the order the reports show it, evidence values exactly as the findings.json files
/// held them, LF line endings. The same two files always give the same bytes: no file paths,
/// no clock.
/// </summary>
public static class DiffJson
{
    public const string Schema = "bhh-diff/1";

    public static void Write(AuditComparison comparison, ToolInfo tool, Stream output)
    {
        using var json = new Utf8JsonWriter(output, PlainText.JsonOptions);
        PlainText.StartDocument(json, Schema, tool);

        WriteAudit(json, "old_audit", comparison.Old);
        WriteAudit(json, "new_audit", comparison.New);
        json.WriteBoolean("agency_changed", comparison.AgencyChanged);
        json.WriteBoolean("rule_set_changed", comparison.RuleSetChanged);
        json.WriteBoolean("profile_changed", comparison.ProfileChanged);
        json.WriteStartArray("severity_changes");
        foreach (var change in comparison.SeverityChanges)
        {
            json.WriteStartObject();
            json.WriteString("rule_id", change.RuleId);
            json.WriteString("old", change.Old.Name());
            json.WriteString("new", change.New.Name());
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteChanges(json, "resolved", comparison.Resolved);
        WriteChanges(json, "persisting", comparison.Persisting);
        WriteChanges(json, "new", comparison.NewProblems);
        WriteChanges(json, "changed", comparison.Changed);
        json.WriteStartObject("unchanged");
        foreach (var count in comparison.Unchanged)
        {
            json.WriteNumber(count.Outcome.SummaryKey(), count.Count);
        }

        json.WriteEndObject();
        WriteChanges(json, "only_in_old", comparison.OnlyInOld);
        WriteChanges(json, "only_in_new", comparison.OnlyInNew);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteAudit(Utf8JsonWriter json, string name, RecordedAudit audit)
    {
        json.WriteStartObject(name);
        PlainText.WriteRuleSet(json, audit.RuleSet.Name, audit.RuleSet.Version, audit.RuleSet.Sha256);
        json.WriteString("profile", audit.Profile);
        PlainText.WriteAgencyAndReview(json, audit.Agency.Id, audit.Agency.Name, audit.Review.Type, audit.Review.AsOf, audit.Review.PeriodStart, audit.Review.PeriodEnd);
        json.WriteString("determination", audit.Determination.Name());
        json.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter json, string name, IReadOnlyList<FindingChange> changes)
    {
        json.WriteStartArray(name);
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("rule_id", change.Key.RuleId);
            json.WriteString("subject", change.Key.Subject);
            json.WriteString("title", change.Title);
            json.WriteString("severity", change.Severity.Name());
            json.WriteString("old_outcome", change.Old?.Outcome.Name());
            json.WriteString("new_outcome", change.New?.Outcome.Name());
            json.WriteStartArray("evidence_changes");
            foreach (var evidence in change.EvidenceChanges)
            {
                json.WriteStartObject();
                json.WriteString("key", evidence.Key);
                WriteValue(json, "old", evidence.Old);
                WriteValue(json, "new", evidence.New);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A value as the findings.json held it; null when that side had no such key.</summary>
    private static void WriteValue(Utf8JsonWriter json, string name, JsonElement? value)
    {
        json.WritePropertyName(name);
        if (value is { } element)
        {
            element.WriteTo(json);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
