using System.CommandLine;
using System.Globalization;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Reporting;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Worksheet;
using Microsoft.Extensions.DependencyInjection;

namespace BhhCompliance.Cli;

/// <summary>
/// <c>bhh worksheet SNAPSHOT --out FILE [--rules DIR] [--as-of DATE]</c>: the printable chart
/// review worksheet a reviewer takes to the site visit, and the answers file beside it.
/// </summary>
internal static class WorksheetCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var snapshot = new Argument<string>("SNAPSHOT") { Description = "The agency's snapshot folder, with enrollees.csv and chart-sample.csv (or chart-events.csv)." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The worksheet PDF to write. The answers file goes beside it, with the extension .csv.",
            HelpName = "FILE",
            Required = true,
        };
        var rules = new Option<string?>("--rules") { Description = "A rule set folder to use instead of the built-in Connecticut rule set.", HelpName = "DIR" };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "Evaluate as of this date instead of agency.yaml's as_of.",
            HelpName = "YYYY-MM-DD",
            CustomParser = BhhApp.ParseDate,
        };

        var command = new Command("worksheet", "Write the printable chart review worksheet for the charts under review, and a CSV to type the answers into.")
        {
            snapshot, output, rules, asOf,
        };
        command.SetAction(parse => BhhApp.WithHost(terminal, parse.GetValue(verbose), services =>
            services.GetRequiredService<WorksheetRunner>().Run(new WorksheetRequest(
                parse.GetValue(snapshot)!,
                parse.GetValue(output)!,
                parse.GetValue(rules),
                parse.GetValue(asOf)))));
        return command;
    }
}

internal sealed record WorksheetRequest(string Snapshot, string Out, string? RulesDirectory, DateOnly? AsOf);

/// <summary>
/// Runs one <c>bhh worksheet</c>: check the two targets, load the rule set and the snapshot
/// (reporting every problem), evaluate the chart criteria alone, then write the PDF and the
/// answers CSV together, each through a <c>.partial</c> file moved into place only when both
/// were written.
/// </summary>
internal sealed class WorksheetRunner(
    Terminal terminal,
    RuleSetProvider rules,
    TemplateProvider templates,
    SnapshotLoader snapshots,
    AuditEngine engine)
{
    private const string NothingWritten = "No worksheet was written.";

    public int Run(WorksheetRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Out))
        {
            return BadInput("--out needs a file name.");
        }

        var pdfShown = request.Out;
        var csvShown = Path.ChangeExtension(pdfShown, ".csv");
        if (string.Equals(Path.GetExtension(pdfShown), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return BadInput($"--out {pdfShown} names the worksheet PDF, and the answers file is written beside it with the extension .csv; name the PDF .pdf.");
        }

        if (ReportFiles.Check([new OutputTarget(OutputFormat.Pdf, pdfShown), new OutputTarget(OutputFormat.Text, csvShown)], request.Snapshot) is { } targetError)
        {
            return BadInput(targetError);
        }

        if (rules.LoadOrReport(request.RulesDirectory) is not { RuleSet: { } ruleSet })
        {
            return BadInput(NothingWritten);
        }

        var criteria = WorksheetCriteria.Of(ruleSet, engine.Kinds);
        if (criteria.Count == 0)
        {
            return BadInput($"The rule set {ruleSet.Identity.Name} {ruleSet.Identity.Version} has no chart criteria; there is nothing to review. {NothingWritten}");
        }

        if (templates.LoadOrReport(null) is not { } reportTemplates)
        {
            return BadInput(NothingWritten);
        }

        SnapshotLoadResult loaded;
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            loaded = snapshots.Load(
                request.Snapshot,
                new InlineProgress<LoadProgress>(p => progress.Update(p.BytesTotal > 0 ? $"Reading {p.File} ({p.BytesDone * 100 / p.BytesTotal}%)" : $"Reading {p.File}")),
                ChartCriteria.Of(ruleSet, engine.Kinds),
                request.AsOf);
        }

        DiagnosticPrinter.Print(terminal.Error, loaded.Diagnostics, request.Snapshot);
        if (loaded.Snapshot is not { } snapshot)
        {
            return BadInput($"The snapshot has {DiagnosticPrinter.Count(loaded.Diagnostics)}; {NothingWritten.ToLowerInvariant()}");
        }

        if (snapshot.Enrollees is null)
        {
            return BadInput($"The snapshot has no {SnapshotFile.Enrollees}; the worksheet shows each chart's enrolment from it. {NothingWritten}");
        }

        if (NoCharts(snapshot) is { } noCharts)
        {
            return BadInput(noCharts);
        }

        var result = engine.Run(ruleSet, WorksheetCriteria.Profile(criteria), snapshot);
        var snapshotName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Snapshot)));
        var worksheet = ChartWorksheet.Build(result, snapshot, criteria, snapshotName, Path.GetFileName(csvShown));
        var pdf = WorksheetPdf.Create(worksheet, ToolInfo.Current, new PdfWording(reportTemplates.Wording));
        var rendered = pdf.Render(ToolInfo.Current);
        var answers = AnswersFile.Bytes(worksheet);
        if (WouldLoseAnswers(csvShown, answers))
        {
            return BadInput(
                $"{csvShown} already exists and differs from the answers file this worksheet would write; answers typed into it would be lost. " +
                $"Save it as {AnswersFile.SaveAs} in the snapshot folder, move it away, or choose another --out. {NothingWritten}");
        }

        var files = new[]
        {
            (Path: Path.GetFullPath(pdfShown), Content: rendered.Pdf),
            (Path: Path.GetFullPath(csvShown), Content: answers),
        };
        if (Write(files) is { } writeError)
        {
            return BadInput(writeError);
        }

        var charts = worksheet.Charts.Count;
        terminal.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {pdfShown}: {rendered.Pages} pages, a first page and one for each of the {charts} {(charts == 1 ? "chart" : "charts")} under review."));
        terminal.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {csvShown}: {worksheet.AnswerRows.Count} {(worksheet.AnswerRows.Count == 1 ? "row" : "rows")} to answer. Save it as {AnswersFile.SaveAs} in the snapshot folder when it is filled in."));
        if (worksheet.AnswersOnFile > 0)
        {
            terminal.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"The {worksheet.AnswersOnFile} {(worksheet.AnswersOnFile == 1 ? "answer" : "answers")} already in the snapshot's {SnapshotFile.Attestations} {(worksheet.AnswersOnFile == 1 ? "is" : "are")} filled in on {(worksheet.AnswersOnFile == 1 ? "its row" : "their rows")}."));
        }

        var errors = result.Findings.Where(f => f.Outcome == Outcome.Error).ToList();
        foreach (var finding in errors)
        {
            terminal.Error.WriteLine($"bhh: internal error: {finding.Message}");
        }

        return errors.Count > 0 ? ExitCodes.InternalError : ExitCodes.Success;
    }

    /// <summary>Why no chart is under review (rules.md, "Chart review"), or null when some are.</summary>
    private static string? NoCharts(Snapshot snapshot)
    {
        if (new AuditContext(snapshot).ReviewedCharts.Count > 0)
        {
            return null;
        }

        var why = snapshot.ChartSample is not null ? $"{SnapshotFile.ChartSample} lists no enrollee"
            : snapshot.ChartEvents is not null ? $"there is no {SnapshotFile.ChartSample}, and {SnapshotFile.ChartEvents} has no event"
            : $"the snapshot has neither {SnapshotFile.ChartSample} nor {SnapshotFile.ChartEvents}";
        return $"No chart is under review: {why}. Draw the charts to review first with 'bhh sample SNAPSHOT --size N', " +
            $"which writes {SnapshotFile.ChartSample}, then run bhh worksheet again. {NothingWritten}";
    }

    /// <summary>
    /// An answers file already at <paramref name="path"/> is replaced only when it holds exactly
    /// what would be written: a reviewer may have typed answers into it, and they are not
    /// overwritten. The PDF, which holds nothing typed, is always replaced.
    /// </summary>
    private static bool WouldLoseAnswers(string path, byte[] answers) =>
        File.Exists(path) && !File.ReadAllBytes(path).AsSpan().SequenceEqual(answers);

    /// <summary>Writes both files together or neither; returns why it failed, or null.</summary>
    private static string? Write(IReadOnlyList<(string Path, byte[] Content)> files) =>
        ReportFiles.WriteTogether([.. files.Select(f => (f.Path, (Action<Stream>)(stream => stream.Write(f.Content))))]) is { } error
            ? $"Cannot write the worksheet: {error} {NothingWritten}"
            : null;

    private int BadInput(string message)
    {
        terminal.Error.WriteLine($"bhh: {message}");
        return ExitCodes.BadInput;
    }
}
