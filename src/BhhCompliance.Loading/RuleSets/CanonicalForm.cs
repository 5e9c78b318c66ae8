using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;

namespace BhhCompliance.Loading.RuleSets;

/// <summary>
/// The rule set's identity hash: SHA-256 over a canonical JSON form of what was loaded, not of
/// the files. Rules sorted by id, parameters by name, numbers without trailing zeros, line
/// endings as LF. File order, comments, quoting and layout do not change it; a changed number,
/// word or profile does.
/// </summary>
internal static class CanonicalForm
{
    public static string Sha256(RuleSetLoader.RuleSetHeader header, IEnumerable<RuleDefinition> rules, IEnumerable<Profile> profiles)
    {
        var json = Write(header, rules, profiles);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    internal static byte[] Write(RuleSetLoader.RuleSetHeader header, IEnumerable<RuleDefinition> rules, IEnumerable<Profile> profiles)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", header.Name);
            writer.WriteString("version", header.Version);

            // Settings are written only when they differ from the defaults.
            if (header.MaxWaiverDays != RuleSet.DefaultMaxWaiverDays)
            {
                writer.WriteNumber("max_waiver_days", header.MaxWaiverDays);
            }

            if (header.Continuous)
            {
                writer.WriteBoolean("continuous", true);
            }

            writer.WriteStartArray("rules");
            foreach (var rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.EffectiveFrom ?? DateOnly.MinValue))
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("kind", rule.Kind);
                writer.WriteString("title", rule.Title);
                writer.WriteString("severity", rule.Severity.Name());
                writer.WriteString("citation", rule.Citation);
                writer.WriteStartObject("parameters");
                foreach (var (parameter, value) in rule.Parameters.All)
                {
                    writer.WritePropertyName(parameter);
                    WriteValue(writer, value);
                }

                writer.WriteEndObject();
                writer.WriteString("message", Text(rule.Message.Source));
                writer.WriteString("remediation", Text(rule.Remediation.Source));
                if (!rule.Waivable)
                {
                    writer.WriteBoolean("waivable", false);
                }

                if (rule.EffectiveFrom is { } from)
                {
                    writer.WriteString("effective_from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (rule.EffectiveTo is { } to)
                {
                    writer.WriteString("effective_to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("profiles");
            foreach (var profile in profiles.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", profile.Name);
                writer.WriteString("description", profile.Description);
                writer.WriteStartArray("rules");
                foreach (var entry in profile.Include)
                {
                    writer.WriteStringValue(entry);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case decimal number:
                // G29 drops trailing zeros, so 0.10 and 0.1 are the same number here.
                writer.WriteRawValue(number.ToString("G29", CultureInfo.InvariantCulture));
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case IReadOnlyList<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"No canonical form for a parameter of type {value.GetType().Name}.");
        }
    }

    private static string Text(string template) => template.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
