using BhhCompliance.Core.Findings;
using Spectre.Console;

namespace BhhCompliance.Reporting.Statewide;

/// <summary>
/// The statewide summary as people read it in a terminal or a log: a heading with the rule set,
/// one line per agency with its determination and key figures, the statewide totals, and why
/// each agency that was not audited was not. Determinations are coloured on a terminal; the
/// console decides (plain text when output is piped).
/// </summary>
public static class StatewideText
{
    /// <summary>The narrowest the name column gets; with less room than this it is left out.</summary>
    private const int ShortestName = 12;

    private const string Ellipsis = "...";

    /// <summary>The summary as plain text for a file or a pipe: no colour, no trailing spaces, at most <paramref name="width"/> columns.</summary>
    public static string Plain(StatewideSummary summary, ToolInfo tool, int width) =>
        PlainText.Render(width, console => Render(summary, tool, console));

    /// <summary>Writes the summary to a console, fitting its width.</summary>
    public static void Render(StatewideSummary summary, ToolInfo tool, IAnsiConsole console)
    {
        ComposeHeader(summary, tool, console);
        console.WriteLine();
        ComposeAgencies(summary, console, console.Profile.Width);
        console.WriteLine();
        ComposeTotals(summary, console);
        ComposeNotAudited(summary, console);
    }

    private static void ComposeHeader(StatewideSummary summary, ToolInfo tool, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]{Esc($"{StatewideWording.Title}: {StatewideWording.Agencies(summary)}")}[/]");
        console.MarkupLine(Esc($"Rule set: {StatewideWording.RuleSet(summary.RuleSet)}; profile: {StatewideWording.Profile(summary)}; {tool.Name} {tool.Version}"));
        var asOf = StatewideWording.AsOf(summary) is { } dates ? $", as of {dates}" : string.Empty;
        console.MarkupLine(Esc($"Snapshots: {summary.Source}{asOf}"));
    }

    /// <summary>
    /// One line per agency. The figures keep their full width; the name gets what is left and is
    /// cut with "..." when it does not fit, so that every agency stays on one line. On a console
    /// too narrow for even a short name the column is left out: the folder still names the agency.
    /// </summary>
    private static void ComposeAgencies(StatewideSummary summary, IAnsiConsole console, int width)
    {
        if (summary.Agencies.Count == 0)
        {
            console.WriteLine("The folder holds no agency snapshot.");
            return;
        }

        const int Name = 1;
        const int Verdict = 2;
        string[] headers = ["Folder", "Agency", "Determination", "Months met", "At risk", "Gap FTE", "Failed"];
        var rows = summary.Agencies
            .Select(a => (string[])
            [
                a.Folder,
                StatewideWording.AgencyName(a),
                StatewideWording.Verdict(a),
                Dash(StatewideWording.Rate(a)),
                Dash(StatewideWording.AmountAtRisk(a)),
                Dash(StatewideWording.StaffingGap(a)),
                Dash(StatewideWording.FailedCount(a)),
            ])
            .ToList();

        // No borders: a column costs the gap after it alone, which leaves the names room on 80 columns.
        const int Gap = 2;
        var others = Enumerable.Range(0, headers.Length)
            .Where(c => c != Name)
            .Sum(c => rows.Select(r => r[c].Length).Append(headers[c].Length).Max());
        var nameWidth = width - others - (Gap * (headers.Length - 1));
        var columns = Enumerable.Range(0, headers.Length).Where(c => c != Name || nameWidth >= ShortestName).ToList();
        var table = new Table().NoBorder();
        foreach (var c in columns)
        {
            var column = new TableColumn(new Text(headers[c], new Style(decoration: Decoration.Bold))).PadLeft(0).PadRight(c == columns[^1] ? 0 : Gap);
            table.AddColumn(c > Name + 1 ? column.RightAligned() : column);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var verdict = VerdictStyle(summary.Agencies[r]);
            table.AddRow([.. columns.Select(c => new Text(c == Name ? Cut(rows[r][c], nameWidth) : rows[r][c], c == Verdict ? verdict : Style.Plain))]);
        }

        console.Write(table);
    }

    private static void ComposeTotals(StatewideSummary summary, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]{Esc(StatewideWording.TotalsHeading)}[/]");
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(2));
        grid.AddColumn(new GridColumn());
        foreach (var (label, value) in StatewideWording.Totals(summary))
        {
            grid.AddRow(new Text($"{label}:"), new Text(value));
        }

        console.Write(grid);
    }

    /// <summary>Each agency that was not audited, with the reason: what someone must fix before the next run.</summary>
    private static void ComposeNotAudited(StatewideSummary summary, IAnsiConsole console)
    {
        var notAudited = summary.Agencies.Where(a => a.Status != BatchStatus.Audited).ToList();
        if (notAudited.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]{Esc($"{StatewideWording.NotAuditedHeading} ({notAudited.Count})")}[/]");
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(1));
        grid.AddColumn(new GridColumn());
        foreach (var agency in notAudited)
        {
            var who = StatewideWording.Agency(agency) is { Length: > 0 } name ? $", {name}" : string.Empty;
            grid.AddRow(
                new Markup($"[red]{Esc(StatewideWording.Verdict(agency))}[/]"),
                new Markup($"[bold]{Esc(agency.Folder)}[/]{Esc(who)}: {Esc(StatewideWording.Problem(agency))}"));
        }

        console.Write(grid);
    }

    private static Style VerdictStyle(AgencyAudit agency) => agency.Determination switch
    {
        _ when agency.Status != BatchStatus.Audited => new Style(Color.Red, decoration: Decoration.Bold),
        Determination.Certified => new Style(Color.Green),
        Determination.Conditional => new Style(Color.Yellow),
        _ => new Style(Color.Red),
    };

    /// <summary>The text, cut to <paramref name="width"/> characters with "..." when longer.</summary>
    internal static string Cut(string text, int width) =>
        text.Length <= width ? text : text[..Math.Max(1, width - Ellipsis.Length)].TrimEnd() + Ellipsis;

    /// <summary>An empty figure (an agency not audited) shows as "-", so the line reads as deliberately blank.</summary>
    private static string Dash(string figure) => figure.Length == 0 ? "-" : figure;

    private static string Esc(string text) => Markup.Escape(text);
}
