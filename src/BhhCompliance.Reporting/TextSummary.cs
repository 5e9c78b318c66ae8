using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;
using BhhCompliance.Core.Waivers;
using Spectre.Console;

namespace BhhCompliance.Reporting;

/// <summary>
/// The summary people read in a terminal: a heading, a table with one line per rule, the
/// findings that need attention with what to do, the waived findings and the waivers not
/// applied, the counts and the determination. Outcomes
/// are coloured on a terminal; the console decides (plain text when output is piped).
/// </summary>
public static class TextSummary
{
    /// <summary>The summary as plain text for a file or a pipe: no colour, ASCII borders, no trailing spaces.</summary>
    public static string Plain(AuditResult result, ToolInfo tool, int width) =>
        PlainText.Render(width, console => Render(result, tool, console, ascii: true));

    public static void Render(AuditResult result, ToolInfo tool, IAnsiConsole console, bool ascii)
    {
        var review = result.Review;
        console.MarkupLine($"[bold]BHH compliance audit: {Esc(result.Agency.Name ?? result.Agency.Id)} ({Esc(result.Agency.Id)})[/]");
        console.MarkupLine(Esc($"Review: {review.Type}, as of {Formats.Date(review.AsOf)}, period {review.Period}"));
        console.MarkupLine(Esc($"Rule set: {result.RuleSet.Name} {result.RuleSet.Version} (sha256 {result.RuleSet.Sha256[..12]}), profile {result.Profile}; {tool.Name} {tool.Version}"));
        console.WriteLine();

        var table = new Table().Border(ascii ? TableBorder.Ascii : TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("Rule").NoWrap());
        table.AddColumn(new TableColumn("Severity").NoWrap());
        table.AddColumn(new TableColumn("Outcome").NoWrap());
        table.AddColumn(new TableColumn("Result"));
        foreach (var rule in RuleSummary.Of(result))
        {
            table.AddRow(new Markup(Esc(rule.RuleId)), new Markup(Esc(rule.Severity.Name())), OutcomeMarkup(rule.Outcome), new Markup(Esc(rule.Result)));
        }

        console.Write(table);
        if (ChartReviewSummary.Of(result) is { } charts)
        {
            console.MarkupLine(Esc(ChartLine(charts)));
        }

        var attention = result.Findings.Where(f => f.Outcome is not (Outcome.Pass or Outcome.NotApplicable or Outcome.Waived)).ToList();
        if (attention.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Needs attention[/]");
            var grid = new Grid();
            grid.AddColumn(new GridColumn().NoWrap().PadRight(1));
            grid.AddColumn(new GridColumn());
            foreach (var finding in FindingOrder.MostUrgentFirst(result, attention))
            {
                var subject = finding.Subject == Finding.AgencySubject ? string.Empty : $" {finding.Subject}";
                var lines = new List<string>
                {
                    $"[bold]{Esc(finding.RuleId)}[/]{Esc(subject)} ({Esc(finding.Severity.Name())}): {Esc(finding.Message)}",
                };
                if (finding.Remediation.Length > 0)
                {
                    lines.Add($"[dim]What to do:[/] {Esc(finding.Remediation)}");
                }

                if (finding.Details.Count > 0)
                {
                    lines.Add($"[dim]{finding.Details.Count:N0} detail {(finding.Details.Count == 1 ? "row is" : "rows are")} listed in the JSON and Markdown reports.[/]");
                }

                grid.AddRow(OutcomeMarkup(finding.Outcome), new Markup(string.Join("\n", lines)));
                grid.AddEmptyRow();
            }

            console.Write(grid);
        }
        else
        {
            console.WriteLine();
        }

        RenderWaivers(result, console);

        var counts = Wire.Outcomes.Where(o => result.Count(o) > 0).Select(o => $"{result.Count(o)} {ReportWording.OutcomeLabel(o).ToLowerInvariant()}");
        var rules = result.Findings.Select(f => f.RuleId).Distinct().Count();
        console.MarkupLine(Esc($"Findings: {string.Join(", ", counts)} ({result.Findings.Count} in all, for {rules} {(rules == 1 ? "rule" : "rules")})."));
        if (result.RulesNotInForce.Count > 0)
        {
            console.WriteLine($"Not in force on {Formats.Date(result.Review.AsOf)}, so not run: {string.Join(", ", result.RulesNotInForce)}.");
        }

        var determination = result.Determination;
        console.MarkupLine($"Determination: [bold {DeterminationColour(determination)}]{ReportWording.DeterminationLabel(determination)}[/] - {Esc(ReportWording.DeterminationMeaning(determination))}");
        if (ReportWording.Caveat(result) is { } caveat)
        {
            console.MarkupLine($"[yellow]{Esc(caveat)}[/]");
        }
    }

    /// <summary>The waived findings, each with its original outcome and waiver, then the waivers that were not applied.</summary>
    private static void RenderWaivers(AuditResult result, IAnsiConsole console)
    {
        var waived = FindingOrder.MostUrgentFirst(result, result.Findings.Where(f => f.Outcome == Outcome.Waived)).ToList();
        if (waived.Count > 0)
        {
            console.MarkupLine("[bold]Waived findings[/]");
            var grid = new Grid();
            grid.AddColumn(new GridColumn().NoWrap().PadRight(1));
            grid.AddColumn(new GridColumn());
            foreach (var finding in waived)
            {
                var subject = finding.Subject == Finding.AgencySubject ? string.Empty : $" {finding.Subject}";
                grid.AddRow(
                    OutcomeMarkup(finding.Outcome),
                    new Markup($"[bold]{Esc(finding.RuleId)}[/]{Esc(subject)} ({Esc(finding.Severity.Name())}): {Esc(finding.Message)}\n[dim]{Esc(ReportWording.WaivedNote(finding))}[/]"));
                grid.AddEmptyRow();
            }

            console.Write(grid);
        }

        var notApplied = result.Waivers.Where(w => w.Status != WaiverStatus.Applied).ToList();
        if (notApplied.Count > 0)
        {
            console.MarkupLine("[bold]Waivers not applied[/]");
            var grid = new Grid();
            grid.AddColumn(new GridColumn().NoWrap().PadRight(1));
            grid.AddColumn(new GridColumn());
            foreach (var waiver in notApplied)
            {
                grid.AddRow(
                    new Markup($"[yellow]{Esc(ReportWording.WaiverStatusLabel(waiver.Status).ToUpperInvariant())}[/]"),
                    new Markup(Esc(ReportWording.WaiverNotApplied(waiver, result.Review.AsOf))));
            }

            grid.AddEmptyRow();
            console.Write(grid);
        }
    }

    /// <summary>"Charts: 30 under review, mean score 87.5%; 26 of 29 met every criterion that applied."</summary>
    internal static string ChartLine(ChartReviewSummary charts)
    {
        var reviewed = FormattableString.Invariant($"Charts: {charts.Charts:N0} under review");
        return charts.MeanScore is { } mean
            ? FormattableString.Invariant($"{reviewed}, mean score {Formats.Percent(mean)}; {charts.MetAll:N0} of {charts.Scored:N0} met every criterion that applied.")
            : $"{reviewed}; no criterion applied to any of them.";
    }

    private static Markup OutcomeMarkup(Outcome outcome)
    {
        var label = ReportWording.OutcomeLabel(outcome).ToUpperInvariant();
        var style = outcome switch
        {
            Outcome.Pass => "green",
            Outcome.Warn => "yellow",
            Outcome.Fail => "bold red",
            Outcome.Error => "bold white on red",
            Outcome.CannotEvaluate => "magenta",
            Outcome.NotReviewed => "cyan",
            Outcome.Waived => "blue",
            _ => "grey",
        };
        return new Markup($"[{style}]{label}[/]");
    }

    private static string DeterminationColour(Determination determination) => determination switch
    {
        Determination.Certified => "green",
        Determination.Conditional => "yellow",
        _ => "red",
    };

    private static string Esc(string text) => Markup.Escape(text);
}
