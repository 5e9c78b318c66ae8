using System.Text;
using BhhCompliance.Reporting.Diff;

namespace BhhCompliance.Reporting.Tests.Diff;

/// <summary>
/// Small findings.json files written by hand for the comparison tests: the header of an audit of
/// LMHA-TV as of 2026-09-30, and the findings added, in the order added.
/// </summary>
internal sealed class AuditJson
{
    public const string Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly List<string> _findings = [];

    public string AgencyId { get; init; } = "LMHA-TV";

    public string RuleSetSha256 { get; init; } = Sha256;

    public string AsOf { get; init; } = "2026-09-30";

    public string Profile { get; init; } = "credentialing";

    public string Determination { get; init; } = "conditional";

    /// <param name="ruleId">The rule.</param>
    /// <param name="outcome">As findings.json spells it: <c>not-applicable</c>.</param>
    /// <param name="subject"><c>agency</c> or <c>staff:ID</c>.</param>
    /// <param name="evidence">The evidence object as JSON.</param>
    /// <param name="severity">The rule's severity.</param>
    /// <param name="extra">More keys of the finding, as JSON members: <c>"waived_outcome": "fail"</c>.</param>
    public AuditJson Finding(string ruleId, string outcome, string subject = "agency", string evidence = "{}", string severity = "major", string? extra = null)
    {
        _findings.Add($$"""
                {
                  "rule_id": "{{ruleId}}",
                  "title": "Title of {{ruleId}}",
                  "severity": "{{severity}}",
                  "outcome": "{{outcome}}",
                  "subject": "{{subject}}",
                  "message": "{{ruleId}} is {{outcome}} for {{subject}}.",
                  "evidence": {{evidence}},
                  "citation": "DMHAS BHH Provider Manual",
                  "details": []{{(extra is null ? string.Empty : ",\n" + extra)}}
                }
            """);
        return this;
    }

    public string Text() => $$"""
        {
          "schema": "bhh-findings/1",
          "tool": { "name": "bhh", "version": "0.1.0" },
          "rule_set": { "name": "ct-bhh", "version": "2026.1", "sha256": "{{RuleSetSha256}}" },
          "profile": "{{Profile}}",
          "agency": { "id": "{{AgencyId}}", "name": "Test Valley Services" },
          "review": { "type": "credentialing", "as_of": "{{AsOf}}", "period_start": "2026-04-01", "period_end": "2026-09-30" },
          "determination": "{{Determination}}",
          "summary": { "pass": 0, "warn": 0, "fail": 0, "not_applicable": 0, "cannot_evaluate": 0, "not_reviewed": 0, "error": 0, "waived": 0 },
          "findings": [
        {{string.Join(",\n", _findings)}}
          ],
          "charts": []
        }

        """;

    public RecordedAudit Read() => Read(Text());

    public static RecordedAuditReadResult ReadResult(string text, string file = "findings.json") =>
        RecordedAuditReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), file);

    public static RecordedAudit Read(string text)
    {
        var read = ReadResult(text);
        Assert.True(read.Audit is not null, string.Join("\n", read.Diagnostics));
        return read.Audit!;
    }

    public static AuditComparison Compare(AuditJson old, AuditJson now) => AuditComparison.Of(old.Read(), now.Read());
}
