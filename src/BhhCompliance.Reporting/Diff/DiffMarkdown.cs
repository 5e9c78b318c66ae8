using System.Globalization;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Reporting.Diff;

/// <summary>
/// The comparison as Markdown, for a corrective action plan's file or a ticket: a table of the
/// two audits, what differs besides the agency's records, then one section per category in the
/// order of the text report. Text from the files is escaped; LF line endings.
/// </summary>
public static class DiffMarkdown
{
    public static void Write(AuditComparison comparison, TextWriter output)
    {
        var lines = new List<string>();
        ComposeHeader(comparison, lines);
        foreach (var (title, changes, empty) in DiffWording.Sections(comparison))
        {
            ComposeSection(lines, title, changes, empty, oneSided: false);
        }

        lines.Add($"## Unchanged ({comparison.UnchangedCount.ToString(CultureInfo.InvariantCulture)})");
        lines.Add(string.Empty);
        var unchanged = DiffWording.UnchangedCounts(comparison);
        lines.Add(MarkdownReport.Md(char.ToUpperInvariant(unchanged[0]) + unchanged[1..]));
        lines.Add(string.Empty);
        foreach (var (title, changes) in new[] { (DiffWording.OnlyInOldTitle, comparison.OnlyInOld), (DiffWording.OnlyInNewTitle, comparison.OnlyInNew) })
        {
            if (changes.Count > 0)
            {
                ComposeSection(lines, title, changes, string.Empty, oneSided: true);
            }
        }

        output.Write(string.Join("\n", lines).TrimEnd() + "\n");
    }

    private static void ComposeHeader(AuditComparison comparison, List<string> lines)
    {
        var (old, now) = (comparison.Old, comparison.New);
        lines.Add($"# BHH audit comparison: {MarkdownReport.Md(DiffWording.Agency(comparison))}");
        lines.Add(string.Empty);
        lines.Add("| | Old audit | New audit |");
        lines.Add("|---|---|---|");
        void Row(string label, string was, string isNow) => lines.Add($"| {label} | {was} | {isNow} |");
        Row("Agency", MarkdownReport.Md(old.Agency.ToString()), MarkdownReport.Md(now.Agency.ToString()));
        Row("Review", MarkdownReport.Md(old.Review.Type), MarkdownReport.Md(now.Review.Type));
        Row("Period", DiffWording.Period(old.Review), DiffWording.Period(now.Review));
        Row("As of", Formats.Date(old.Review.AsOf), Formats.Date(now.Review.AsOf));
        Row("Rule set", MarkdownReport.Md($"{old.RuleSet.Name} {old.RuleSet.Version}"), MarkdownReport.Md($"{now.RuleSet.Name} {now.RuleSet.Version}"));
        Row("Rule set sha256", Code(old.RuleSet.Sha256), Code(now.RuleSet.Sha256));
        Row("Profile", MarkdownReport.Md(old.Profile), MarkdownReport.Md(now.Profile));
        Row("Determination", $"**{ReportWording.DeterminationLabel(old.Determination)}**", $"**{ReportWording.DeterminationLabel(now.Determination)}**");
        lines.Add(string.Empty);
        foreach (var caution in DiffWording.Cautions(comparison))
        {
            lines.Add($"> {MarkdownReport.Md(caution)}");
            lines.Add(">");
        }

        if (lines[^1] == ">")
        {
            lines[^1] = string.Empty;
        }

        lines.Add($"Determination: **{MarkdownReport.Md(DiffWording.Determination(comparison))}**. {MarkdownReport.Md(DiffWording.Tally(comparison))}");
        lines.Add(string.Empty);
    }

    private static void ComposeSection(List<string> lines, string title, IReadOnlyList<FindingChange> changes, string empty, bool oneSided)
    {
        lines.Add($"## {MarkdownReport.Md(title)} ({changes.Count})");
        lines.Add(string.Empty);
        if (changes.Count == 0)
        {
            lines.Add(MarkdownReport.Md(empty));
            lines.Add(string.Empty);
            return;
        }

        foreach (var change in changes)
        {
            var transition = oneSided ? DiffWording.Outcome((change.New ?? change.Old)!) : DiffWording.Transition(change);
            var subject = change.Key.Subject == Finding.AgencySubject ? string.Empty : $" {Code(change.Key.Subject)}";
            var message = oneSided ? DiffWording.OneSidedMessage(change) : DiffWording.Message(change);

            // Two trailing spaces end a line inside a list item without starting a paragraph.
            lines.Add($"- **{transition}** {Code(change.Key.RuleId)}{subject} ({change.Severity.Name()}): {MarkdownReport.Md(change.Title)}  ");
            lines.Add($"  {MarkdownReport.Md(message)}{(change.EvidenceChanges.Count > 0 ? "  " : string.Empty)}");
            if (change.EvidenceChanges.Count > 0)
            {
                lines.Add("  Evidence: " + string.Join("; ", change.EvidenceChanges.Select(e =>
                    $"{Code(e.Key)} {MarkdownReport.Md(DiffWording.Value(e.Old))} → {MarkdownReport.Md(DiffWording.Value(e.New))}")));
            }
        }

        lines.Add(string.Empty);
    }

    /// <summary>A code span; ids and hashes hold no backticks, but a file could.</summary>
    private static string Code(string text) => text.Contains('`', StringComparison.Ordinal) ? MarkdownReport.Md(text) : $"`{text}`";
}
