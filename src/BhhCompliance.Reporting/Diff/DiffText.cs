using BhhCompliance.Core.Findings;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BhhCompliance.Reporting.Diff;

/// <summary>
/// The comparison as people read it in a terminal or a text file: the two audits and what
/// differs besides the agency's records, then the corrective-action view (fixed, still failing),
/// new problems, other changes, and one line for what did not change. Outcomes are coloured on
/// a terminal; the console decides.
/// </summary>
public static class DiffText
{
    /// <summary>The comparison as plain text for a file or a pipe: no colour, no trailing spaces.</summary>
    public static string Plain(AuditComparison comparison, int width) =>
        PlainText.Render(width, console => Render(comparison, console));

    public static void Render(AuditComparison comparison, IAnsiConsole console)
    {
        ComposeHeader(comparison, console);
        foreach (var (title, changes, empty) in DiffWording.Sections(comparison))
        {
            console.WriteLine();
            ComposeSection(console, title, changes, empty, oneSided: false);
        }

        console.WriteLine();
        console.MarkupLine(Esc(DiffWording.Unchanged(comparison)));
        foreach (var (title, changes) in new[] { (DiffWording.OnlyInOldTitle, comparison.OnlyInOld), (DiffWording.OnlyInNewTitle, comparison.OnlyInNew) })
        {
            if (changes.Count > 0)
            {
                console.WriteLine();
                ComposeSection(console, title, changes, string.Empty, oneSided: true);
            }
        }
    }

    private static void ComposeHeader(AuditComparison comparison, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]BHH audit comparison: {Esc(DiffWording.Agency(comparison))}[/]");
        console.MarkupLine(Esc($"Old: {DiffWording.Audit(comparison.Old)}"));
        console.MarkupLine(Esc($"New: {DiffWording.Audit(comparison.New)}"));
        foreach (var caution in DiffWording.Cautions(comparison))
        {
            console.MarkupLine($"[yellow]{Esc(caution)}[/]");
        }

        console.MarkupLine($"Determination: [bold]{Esc(DiffWording.Determination(comparison))}[/]");
        console.MarkupLine(Esc(DiffWording.Tally(comparison)));
    }

    /// <param name="console">Where to write.</param>
    /// <param name="title">The section's title.</param>
    /// <param name="changes">Its findings, in order.</param>
    /// <param name="empty">What to say when there are none.</param>
    /// <param name="oneSided">Findings of rules that ran in one audit alone: shown with that audit's outcome and message.</param>
    private static void ComposeSection(IAnsiConsole console, string title, IReadOnlyList<FindingChange> changes, string empty, bool oneSided)
    {
        console.MarkupLine($"[bold]{Esc(title)} ({changes.Count})[/]");
        if (changes.Count == 0)
        {
            console.Write(new Padder(new Markup(Esc(empty)), new Padding(2, 0, 0, 0)));
            return;
        }

        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn(new GridColumn());
        foreach (var change in changes)
        {
            var lines = new List<string>
            {
                $"[bold]{Esc(DiffWording.Heading(change))}[/]",
                Esc(oneSided ? DiffWording.OneSidedMessage(change) : DiffWording.Message(change)),
            };
            if (DiffWording.Evidence(change) is { } evidence)
            {
                lines.Add($"[dim]{Esc(evidence)}[/]");
            }

            grid.AddRow(Transition(change, oneSided), new Markup(string.Join("\n", lines)));
        }

        console.Write(new Padder(grid, new Padding(2, 0, 0, 0)));
    }

    /// <summary>The outcomes before and after, each in its colour.</summary>
    private static IRenderable Transition(FindingChange change, bool oneSided)
    {
        string Coloured(RecordedFinding? finding) =>
            finding is null ? "[grey]ABSENT[/]" : $"[{Style(finding.Outcome)}]{Esc(DiffWording.Outcome(finding))}[/]";

        if (oneSided)
        {
            return new Markup(Coloured(change.New ?? change.Old));
        }

        var same = change is { Old: { } old, New: { } now } && old.Outcome == now.Outcome && old.WaivedOutcome == now.WaivedOutcome;
        return new Markup(same ? Coloured(change.New) : $"{Coloured(change.Old)} → {Coloured(change.New)}");
    }

    private static string Style(Outcome outcome) => outcome switch
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

    private static string Esc(string text) => Markup.Escape(text);
}
