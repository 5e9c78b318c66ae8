using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Waivers;
using BhhCompliance.Loading.Yaml;

namespace BhhCompliance.Loading.Waivers;

/// <summary>
/// A loaded waivers file: the waivers, every problem found before evaluation, and where each
/// waiver is written, so that the warnings found after evaluation point at it too.
/// </summary>
public sealed class WaiverFileLoadResult
{
    private readonly Dictionary<Waiver, Places> _places;

    internal WaiverFileLoadResult(WaiverSet? waivers, IReadOnlyList<Diagnostic> diagnostics, Dictionary<Waiver, Places> places)
    {
        Waivers = waivers;
        Diagnostics = diagnostics;
        _places = places;
    }

    /// <summary>The waivers; null while any error stands.</summary>
    public WaiverSet? Waivers { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// The warnings an audit's result gives about its waivers: each expired waiver, at its
    /// <c>expires_on</c>, and each waiver that matched no finding needing it, at its rule id or subject.
    /// </summary>
    public IReadOnlyList<Diagnostic> Review(AuditResult result)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var waiver in result.Waivers)
        {
            if (!_places.TryGetValue(waiver.Waiver, out var places))
            {
                continue;
            }

            switch (waiver.Status)
            {
                case WaiverStatus.Expired:
                    diagnostics.Add(Problems.WaiverExpired(places.ExpiresOn, waiver.Waiver.RuleId, waiver.Waiver.Subject, waiver.Waiver.ExpiresOn, result.Review.AsOf));
                    break;
                case WaiverStatus.Unmatched:
                    diagnostics.Add(Problems.WaiverUnmatched(places.Subject ?? places.RuleId, waiver, result.Profile, result.Review.AsOf));
                    break;
            }
        }

        return diagnostics.ToList();
    }

    /// <summary>Where a waiver's values are written.</summary>
    internal sealed record Places(SourceLocation RuleId, SourceLocation? Subject, SourceLocation ExpiresOn);
}

/// <summary>
/// Reads a waivers file (bhh audit --waivers): a <c>waivers</c> list, each with rule_id, an
/// optional subject, justification, requested_by, approved_by, an optional approved_on and
/// expires_on. Strict, like the rule set loader: unknown keys, wrong types and missing fields are
/// errors with their line and column. It checks each waiver against the rule set too: a known
/// and waivable rule, an approver who is not the requester, no longer than the rule set's
/// max_waiver_days, and one waiver per rule and subject. Every problem is reported; no waiver is
/// returned while any error stands.
/// </summary>
public static class WaiverFileLoader
{
    private const string StaffPrefix = "staff:";

    /// <param name="path">The waivers file, as the user named it; diagnostics show it so.</param>
    /// <param name="ruleSet">The rule set of the audit the waivers are for.</param>
    public static WaiverFileLoadResult Load(string path, RuleSet ruleSet)
    {
        var diagnostics = new DiagnosticBag();
        string text;
        try
        {
            if (!File.Exists(path))
            {
                diagnostics.Add(Directory.Exists(path)
                    ? Problems.WaiversFileUnreadable(SourceLocation.OfFile(path), "it is a folder; give the waivers file.")
                    : Problems.WaiversFileMissing(SourceLocation.OfFile(path)));
                return new WaiverFileLoadResult(null, diagnostics.ToList(), []);
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Problems.WaiversFileUnreadable(SourceLocation.OfFile(path), ex.Message));
            return new WaiverFileLoadResult(null, diagnostics.ToList(), []);
        }

        return Load(path, text, ruleSet, diagnostics);
    }

    private static WaiverFileLoadResult Load(string path, string text, RuleSet ruleSet, DiagnosticBag diagnostics)
    {
        var places = new Dictionary<Waiver, WaiverFileLoadResult.Places>(ReferenceEqualityComparer.Instance);
        var root = YamlTree.Parse(text, path, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Add(Problems.MissingKey(new SourceLocation(path, 1, 1), "waivers", "the waivers file"));
            }

            return new WaiverFileLoadResult(null, diagnostics.ToList(), places);
        }

        var top = YamlFields.Of(root, path, diagnostics, "the waivers file", null);
        var items = top?.Sequence("waivers", required: true) ?? [];
        top?.ReportUnknownKeys();

        var waivers = new List<Waiver>();
        // Two waivers for one rule and subject may follow each other (a renewal), but not be valid on the same day.
        var earlier = new Dictionary<(string RuleId, string? Subject), List<Waiver>>();
        foreach (var node in items)
        {
            if (YamlFields.Of(node, path, diagnostics, "a waiver", "waivers") is not { } fields)
            {
                continue;
            }

            if (Read(fields, ruleSet, out var at) is not { } waiver)
            {
                continue;
            }

            if (!earlier.TryGetValue((waiver.RuleId, waiver.Subject), out var same))
            {
                earlier[(waiver.RuleId, waiver.Subject)] = same = [];
            }

            if (same.FirstOrDefault(w => w.OverlapsWith(waiver)) is { } overlapping)
            {
                diagnostics.Add(Problems.DuplicateWaiver(at.RuleId, waiver.RuleId, waiver.Subject, overlapping.Source.Line));
                continue;
            }

            same.Add(waiver);
            waivers.Add(waiver);
            places[waiver] = at;
        }

        return diagnostics.HasErrors
            ? new WaiverFileLoadResult(null, diagnostics.ToList(), places)
            : new WaiverFileLoadResult(new WaiverSet(waivers), diagnostics.ToList(), places);
    }

    /// <summary>One waiver; null when it has a problem (already reported) or names a rule that is not there.</summary>
    private static Waiver? Read(YamlFields fields, RuleSet ruleSet, out WaiverFileLoadResult.Places places)
    {
        var diagnostics = fields.Diagnostics;
        var errorsBefore = diagnostics.ErrorCount;
        var ruleNode = fields.Scalar("rule_id", required: true);
        var subjectNode = fields.Scalar("subject");
        var justification = fields.Text("justification", required: true);
        var requestedBy = fields.Text("requested_by", required: true);
        var approvedByNode = fields.Scalar("approved_by", required: true);
        var approvedOn = fields.Date("approved_on");
        var expiresOn = fields.Date("expires_on", required: true);
        fields.ReportUnknownKeys();

        var expiresAt = fields.Node("expires_on")?.At(fields.File) ?? fields.Location;
        places = new WaiverFileLoadResult.Places(ruleNode?.At(fields.File) ?? fields.Location, subjectNode?.At(fields.File), expiresAt);

        var ruleId = ruleNode?.Value.Trim();
        if (ruleNode is not null && ruleId is not null)
        {
            var versions = ruleSet.Rules.Where(r => r.Id == ruleId).ToList();
            if (versions.Count == 0)
            {
                diagnostics.Add(Problems.WaiverUnknownRule(ruleNode.At(fields.File), ruleId, $"{ruleSet.Identity.Name} {ruleSet.Identity.Version}", Closest(ruleId, ruleSet.RuleIds)));
            }
            else if (versions.Any(r => !r.Waivable))
            {
                diagnostics.Add(Problems.WaiverRuleNotWaivable(ruleNode.At(fields.File), ruleId));
            }
        }

        var subject = subjectNode?.Value.Trim();
        if (subjectNode is not null && subject is not null && !IsSubject(subject))
        {
            diagnostics.Add(Problems.BadWaiverSubject(subjectNode.At(fields.File), subject));
        }

        if (approvedByNode is not null && requestedBy is not null
            && string.Equals(approvedByNode.Value.Trim(), requestedBy.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(Problems.WaiverSelfApproved(approvedByNode.At(fields.File), approvedByNode.Value));
        }

        if (approvedOn is { } approved && expiresOn is { } expires)
        {
            if (expires < approved)
            {
                diagnostics.Add(Problems.WaiverExpiresBeforeApproval(expiresAt, approved, expires));
            }
            else if (expires.DayNumber - approved.DayNumber > ruleSet.MaxWaiverDays)
            {
                diagnostics.Add(Problems.WaiverTooLong(expiresAt, approved, expires, ruleSet.MaxWaiverDays));
            }
        }

        if (diagnostics.ErrorCount > errorsBefore || ruleId is null || justification is null || requestedBy is null || approvedByNode is null || expiresOn is null)
        {
            return null;
        }

        return new Waiver(
            ruleId,
            subject,
            justification.Trim(),
            requestedBy.Trim(),
            approvedByNode.Value.Trim(),
            approvedOn,
            expiresOn.Value,
            new SourceLine(Path.GetFileName(fields.File), fields.Location.Line));
    }

    /// <summary>snapshot.md: a finding's subject is <c>agency</c> or <c>staff:ID</c>.</summary>
    private static bool IsSubject(string subject) =>
        subject == Finding.AgencySubject
        || (subject.StartsWith(StaffPrefix, StringComparison.Ordinal) && subject.Length > StaffPrefix.Length && !subject.Any(char.IsWhiteSpace));

    /// <summary>The rule id a typo most likely meant: the same ignoring case, else one within two edits.</summary>
    private static string? Closest(string ruleId, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        var sameButCase = candidates.FirstOrDefault(id => string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null)
        {
            return sameButCase;
        }

        var best = candidates
            .Select(id => (Id: id, Distance: Distance(id, ruleId.ToUpperInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Id is not null && best.Distance <= 2 ? best.Id : null;
    }

    /// <summary>The Levenshtein distance: single-character insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
