using System.Collections.Concurrent;
using System.Text;
using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Waivers;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Loading.Templates;
using BhhCompliance.Reporting;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Statewide;

namespace BhhCompliance.Cli;

/// <summary>
/// <c>bhh audit FOLDER</c> on a folder of snapshot folders: audits every agency against one rule
/// set, as many at a time as there are cores, and writes each agency's reports into its own
/// folder of the output folder, then the statewide summary beside them. An agency whose input
/// is bad is reported and left out; the others go on. Only one agency's data is held per
/// worker, and of each audit only its summary row is kept, so memory follows the largest
/// agencies, not the state.
/// </summary>
internal sealed class BatchAuditRunner(
    Terminal terminal,
    RuleSetProvider rules,
    TemplateProvider templates,
    SnapshotLoader snapshots,
    AuditEngine engine,
    ReportFiles files)
{
    /// <summary>The statewide summary's files, in the output folder.</summary>
    public const string SummaryName = "statewide";

    /// <summary>An agency's diagnostics, in its output folder, when its snapshot has any.</summary>
    public const string DiagnosticsFile = "diagnostics.txt";

    private ProgressLine? _progress;

    /// <summary>Whether <paramref name="folder"/> holds snapshot folders rather than being one.</summary>
    public static bool IsBatchFolder(string folder) =>
        Directory.Exists(folder)
        && !File.Exists(Path.Join(folder, SnapshotFile.Agency))
        && SnapshotFolders(folder).Any(f => File.Exists(Path.Join(f, SnapshotFile.Agency)));

    public int Run(AuditRequest request)
    {
        if (PlanError(request) is { } planError)
        {
            return BadInput(planError);
        }

        var input = Path.GetFullPath(request.Snapshot);
        var output = Path.GetFullPath(request.OutputFolder ?? DefaultOutputFolder(input));
        if (OutputFolderError(input, output, request.OutputFolder) is { } outputError)
        {
            return BadInput(outputError);
        }

        var folders = SnapshotFolders(input).ToList();
        if (folders.Count == 0)
        {
            return BadInput($"{request.Snapshot} holds no snapshot folder; a batch audit reads each folder in it as one agency's snapshot.");
        }

        if (rules.LoadOrReport(request.RulesDirectory) is not { RuleSet: { } ruleSet })
        {
            return BadInput("No report was written.");
        }

        if (templates.LoadOrReport(request.TemplatesDirectory) is not { } reportTemplates)
        {
            return BadInput("No report was written.");
        }

        var formats = request.Formats.Count == 0
            ? [OutputFormat.Json, OutputFormat.Pdf]
            : request.Formats.Select(f => OutputPlan.ParseFormat(f)!.Value).Distinct().ToList();
        var kinds = ruleSet.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        var criteria = ChartCriteria.Of(ruleSet, engine.Kinds);

        var audits = new AgencyAudit[folders.Count];
        var done = 0;
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            _progress = progress;
            progress.Update($"Auditing {folders.Count} agencies");
            // Largest agencies first, each taken by the next free worker: a large agency left for
            // last would run alone while the other cores idle.
            Parallel.ForEach(
                Partitioner.Create(LargestFirst(folders), EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = request.Jobs ?? Environment.ProcessorCount },
                i =>
                {
                    audits[i] = AuditOne(folders[i], Path.Join(output, Path.GetFileName(folders[i])), request, ruleSet, criteria, kinds, formats, reportTemplates);
                    var finished = Interlocked.Increment(ref done);
                    progress.Update($"Audited {finished} of {folders.Count} agencies");
                });
            _progress = null;
        }

        var summary = new StatewideSummary(ruleSet.Identity, request.Profile, request.Snapshot, audits);
        var text = StatewideText.Plain(summary, ToolInfo.Current, Terminal.PlainWidth);
        if (WriteSummary(summary, text, output, reportTemplates) is { } writeError)
        {
            return BadInput(writeError);
        }

        if (!request.Quiet)
        {
            terminal.Out.Write(text);
            terminal.Out.WriteLine(Wrote(audits.Count(a => a.Determination is not null), audits.Length, output));
        }

        return summary.Count(BatchStatus.Error) > 0 ? ExitCodes.InternalError
            : summary.Count(BatchStatus.BadInput) > 0 ? ExitCodes.BadInput
            : summary.Agencies.Any(a => a.FailedRules.Count > 0) ? ExitCodes.Failures
            : ExitCodes.Success;
    }

    /// <summary>The snapshot folders of a batch folder, by name; hidden folders are not agencies.</summary>
    private static IEnumerable<string> SnapshotFolders(string folder) =>
        Directory.EnumerateDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal);

    /// <summary>The folders' indexes, the one with the most bytes of files first.</summary>
    private static IEnumerable<int> LargestFirst(IReadOnlyList<string> folders) =>
        Enumerable.Range(0, folders.Count)
            .Select(i => (Index: i, Bytes: new DirectoryInfo(folders[i]).EnumerateFiles().Sum(f => f.Length)))
            .OrderByDescending(f => f.Bytes)
            .ThenBy(f => f.Index)
            .Select(f => f.Index)
            .ToList();

    private static string DefaultOutputFolder(string input) =>
        Path.Join(Directory.GetCurrentDirectory(), Path.GetFileName(Path.TrimEndingDirectorySeparator(input)) + "-audit");

    private static string? PlanError(AuditRequest request)
    {
        if (request.Outputs.Count > 0)
        {
            return "In a batch audit each agency's reports go into --out-dir, one folder per agency; --out names a single file. Use --out-dir DIR.";
        }

        if (request.WaiversFile is not null)
        {
            return "Waivers belong to one agency; audit that agency's folder on its own with --waivers.";
        }

        if (request.Formats.FirstOrDefault(f => OutputPlan.ParseFormat(f) is null) is { } unknown)
        {
            return $"Unknown format '{unknown}'. Formats: json, md, text, pdf.";
        }

        return request.Jobs is < 1 ? "--jobs must be 1 or more." : null;
    }

    private static string? OutputFolderError(string input, string output, string? given)
    {
        var separator = Path.DirectorySeparatorChar.ToString();
        var inputPrefix = Path.TrimEndingDirectorySeparator(input) + separator;
        var outputPrefix = Path.TrimEndingDirectorySeparator(output) + separator;
        if (outputPrefix.StartsWith(inputPrefix, StringComparison.OrdinalIgnoreCase) || inputPrefix.StartsWith(outputPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"The output folder {given ?? output} is inside the folder of snapshots (or holds it); write the reports somewhere else, so that no input is overwritten and the next batch does not read them as an agency.";
        }

        return File.Exists(output) ? $"--out-dir {given ?? output} is a file; give a folder." : null;
    }

    private AgencyAudit AuditOne(
        string folder,
        string agencyOutput,
        AuditRequest request,
        RuleSet ruleSet,
        ChartCriteria criteria,
        IReadOnlyDictionary<string, string> kinds,
        IReadOnlyList<OutputFormat> formats,
        ReportTemplates reportTemplates)
    {
        var name = Path.GetFileName(folder);
        var outputs = new List<string>();
        try
        {
            var loaded = snapshots.Load(folder, progress: null, criteria, request.AsOf);
            var errors = loaded.Diagnostics.Count(d => d.IsError);
            var warnings = loaded.Diagnostics.Count - errors;
            if (loaded.Diagnostics.Count > 0)
            {
                Directory.CreateDirectory(agencyOutput);
                File.WriteAllLines(Path.Join(agencyOutput, DiagnosticsFile), loaded.Diagnostics.Select(d => d.ToString(folder)), new UTF8Encoding(false));
                outputs.Add($"{name}/{DiagnosticsFile}");
            }

            if (loaded.Snapshot is not { } snapshot)
            {
                Say([
                    .. loaded.Diagnostics.Where(d => d.IsError).Take(3).Select(d => d.ToString(folder)),
                    $"bhh: {name}: the snapshot has {DiagnosticPrinter.Count(loaded.Diagnostics)} and was not audited; all of them are in {Path.Join(agencyOutput, DiagnosticsFile)}.",
                ]);
                return AgencyAudit.NotAudited(
                    name,
                    BatchStatus.BadInput,
                    $"The snapshot has {DiagnosticPrinter.Count(loaded.Diagnostics)}; it was not audited. See {name}/{DiagnosticsFile}.",
                    errors,
                    warnings,
                    outputs);
            }

            var (profile, profileError) = ProfileChoice.Resolve(ruleSet, request.Profile, snapshot);
            if (profile is null)
            {
                Say([$"bhh: {name}: {profileError}"]);
                return AgencyAudit.NotAudited(name, BatchStatus.BadInput, profileError!, 0, warnings, outputs, snapshot.Agency.Id, snapshot.Agency.Name);
            }

            var result = engine.Run(ruleSet, profile, snapshot, progress: null, WaiverSet.None);
            var targets = formats.Select(f => new OutputTarget(f, Path.Join(agencyOutput, FileNameFor(f)))).ToList();
            if (files.WriteAll(result, targets, reportTemplates) is { } writeError)
            {
                Say([$"bhh: {name}: {writeError}"]);
                return AgencyAudit.NotAudited(name, BatchStatus.BadInput, writeError, 0, warnings, outputs, snapshot.Agency.Id, snapshot.Agency.Name);
            }

            outputs.AddRange(formats.Select(f => $"{name}/{FileNameFor(f)}"));
            var audited = AgencyAudit.Audited(name, result, id => kinds.GetValueOrDefault(id), warnings, outputs);
            if (result.Findings.FirstOrDefault(f => f.Outcome == Outcome.Error) is { } failed)
            {
                Say([$"bhh: {name}: internal error: {failed.Message}"]);
                return audited with
                {
                    Status = BatchStatus.Error,
                    Problem = $"A rule could not be evaluated: {failed.Message}",
                };
            }

            return audited;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Say([$"bhh: {name}: internal error: {ex.Message}"]);
            return AgencyAudit.NotAudited(name, BatchStatus.Error, $"Internal error: {ex.Message}", 0, 0, outputs);
        }
    }

    /// <summary>
    /// The closing line: how many agencies' reports were written (those with a determination: an
    /// audit is recorded only once its reports are written), out of how many folders when
    /// some were not audited (the summary above says why), and where.
    /// </summary>
    private static string Wrote(int written, int agencies, string output)
    {
        var summary = $"the statewide summary ({SummaryName}.txt, .md, .json, .pdf)";
        return written == 0 ? $"Wrote no agency's reports, only {summary}, to {output}"
            : written == agencies ? $"Wrote {written} {(written == 1 ? "agency's" : "agencies'")} reports and {summary} to {output}"
            : $"Wrote {written} of {agencies} agencies' reports and {summary} to {output}";
    }

    /// <summary>An agency's report file for a format.</summary>
    internal static string FileNameFor(OutputFormat format) => format switch
    {
        OutputFormat.Json => "findings.json",
        OutputFormat.Markdown => "findings.md",
        OutputFormat.Pdf => "report.pdf",
        _ => "summary.txt",
    };

    /// <summary>Writes the statewide summary in its four forms, together or not at all.</summary>
    private static string? WriteSummary(StatewideSummary summary, string text, string output, ReportTemplates reportTemplates)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var error = ReportFiles.WriteTogether(
        [
            (Path.Join(output, $"{SummaryName}.txt"), stream => stream.Write(utf8.GetBytes(text))),
            (Path.Join(output, $"{SummaryName}.md"), stream =>
            {
                using var writer = new StreamWriter(stream, utf8, leaveOpen: true);
                StatewideMarkdown.Write(summary, ToolInfo.Current, writer);
            }),
            (Path.Join(output, $"{SummaryName}.json"), stream => StatewideJson.Write(summary, ToolInfo.Current, stream)),
            (Path.Join(output, $"{SummaryName}.pdf"), stream => stream.Write(StatewidePdf.Render(summary, ToolInfo.Current, new PdfWording(reportTemplates.Wording)))),
        ]);
        return error is null ? null : $"Cannot write the statewide summary to {output}: {error}";
    }

    /// <summary>Lines on standard error while agencies are audited in parallel, whole and without the progress line in them.</summary>
    private void Say(IEnumerable<string> lines) => _progress!.WriteLines(lines);

    private int BadInput(string message)
    {
        terminal.Error.WriteLine($"bhh: {message}");
        return ExitCodes.BadInput;
    }
}
