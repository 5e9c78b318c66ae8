using System.Text.Json;

namespace BhhCompliance.Cli.Tests.Fixtures;

/// <summary>A parsed findings.json, with lookups by rule and subject.</summary>
internal sealed class FindingsDocument : IDisposable
{
    private readonly JsonDocument _document;

    public FindingsDocument(string json)
    {
        Text = json;
        _document = JsonDocument.Parse(json);
    }

    public string Text { get; }

    public JsonElement Root => _document.RootElement;

    public IReadOnlyList<JsonElement> Findings => [.. Root.GetProperty("findings").EnumerateArray()];

    public IReadOnlyList<string> RuleIds => [.. Findings.Select(f => f.GetProperty("rule_id").GetString()!).Distinct()];

    public static FindingsDocument Read(string path) => new(File.ReadAllText(path));

    /// <summary>The one finding of a rule for a subject (<c>agency</c> or <c>staff:ID</c>).</summary>
    public JsonElement Finding(string ruleId, string subject = "agency")
    {
        var matches = Findings
            .Where(f => f.GetProperty("rule_id").GetString() == ruleId && f.GetProperty("subject").GetString() == subject)
            .ToList();
        Assert.True(matches.Count == 1, $"expected one {ruleId} finding for {subject}, found {matches.Count}");
        return matches[0];
    }

    public string Outcome(string ruleId, string subject = "agency") =>
        Finding(ruleId, subject).GetProperty("outcome").GetString()!;

    /// <summary>An evidence value exactly as written in the file: <c>0.13</c>, <c>"RN"</c>, <c>[]</c>.</summary>
    public string Evidence(string ruleId, string key, string subject = "agency") =>
        Finding(ruleId, subject).GetProperty("evidence").GetProperty(key).GetRawText();

    public static IReadOnlyList<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    public void Dispose() => _document.Dispose();
}
