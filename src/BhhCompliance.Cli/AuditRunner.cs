using System.Diagnostics;
using System.Globalization;
using System.Text;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Reporting;
using Microsoft.Extensions.Logging;

namespace BhhCompliance.Cli;

/// <summary>
/// Runs one audit: check the outputs asked for, load the rule set and the snapshot (reporting
/// every problem), pick the profile, evaluate, write each output, and choose the exit code.
/// </summary>
internal sealed class AuditRunner(
    Terminal terminal,
    RuleSetProvider rules,
    SnapshotLoader snapshots,
    AuditEngine engine,
    ILogger<AuditRunner> log)
{
    public int Run(AuditRequest request)
    {
        var (targets, planError) = OutputPlan.From(request.Formats, request.Outputs);
        if (planError is not null)
        {
            return BadInput(planError);
        }

        if (targets.FirstOrDefault(t => t.Format == OutputFormat.Pdf) is not null)
        {
            return BadInput("PDF reports are not available in this version of bhh; use --format json, md or text.");
        }

        if (OverwritesInput(targets, request.Snapshot) is { } clash)
        {
            return BadInput($"--out {clash} would overwrite a file of the snapshot; write the report somewhere else.");
        }

        if (targets.FirstOrDefault(t => t.Path is not null && Directory.Exists(t.Path)) is { Path: { } folder })
        {
            return BadInput($"--out {folder} is a folder; give a file name, such as {Path.Join(folder, "findings.json")}.");
        }

        var clock = Stopwatch.StartNew();
        if (rules.LoadOrReport(request.RulesDirectory) is not { RuleSet: { } ruleSet })
        {
            return BadInput("No report was written.");
        }

        SnapshotLoadResult loaded;
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            loaded = snapshots.Load(request.Snapshot, new InlineProgress<LoadProgress>(p =>
                progress.Update(p.BytesTotal > 0 ? $"Reading {p.File} ({p.BytesDone * 100 / p.BytesTotal}%)" : $"Reading {p.File}")));
        }

        DiagnosticPrinter.Print(terminal.Error, loaded.Diagnostics, request.Snapshot);
        if (loaded.Snapshot is not { } snapshot)
        {
            return BadInput($"The snapshot has {DiagnosticPrinter.Count(loaded.Diagnostics)}; no report was written.");
        }

        log.LogDebug("Loaded {Snapshot} in {Milliseconds} ms", request.Snapshot, clock.ElapsedMilliseconds);

        var profileName = request.Profile ?? snapshot.Review.Type;
        if (ruleSet.FindProfile(profileName) is not { } profile)
        {
            var known = string.Join(", ", ruleSet.Profiles.Select(p => p.Name));
            return BadInput(request.Profile is null
                ? $"The rule set has no profile for the review type '{profileName}'; choose one with --profile ({known})."
                : $"Unknown profile '{profileName}'. Profiles: {known}.");
        }

        if (request.AsOf is { } asOf)
        {
            snapshot = snapshot.AsOf(asOf);
        }

        AuditResult result;
        clock.Restart();
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            result = engine.Run(ruleSet, profile, snapshot, new InlineProgress<AuditProgress>(p =>
                progress.Update($"Evaluating {p.RuleId} ({p.RulesDone} of {p.RulesTotal})")));
        }

        log.LogDebug("Evaluated {Rules} rules in {Milliseconds} ms", ruleSet.RulesOf(profile).Count, clock.ElapsedMilliseconds);

        var stdoutTaken = targets.Any(t => t.Path is null);
        foreach (var target in targets)
        {
            if (Write(result, target) is { } writeError)
            {
                return BadInput(writeError);
            }
        }

        if (!stdoutTaken && !request.Quiet)
        {
            Render(result, OutputFormat.Text, terminal.Out, terminal.OutIsTerminal);
            foreach (var target in targets)
            {
                terminal.Out.WriteLine($"Wrote {target.Path}");
            }
        }

        var errors = result.Findings.Where(f => f.Outcome == Outcome.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var finding in errors)
            {
                terminal.Error.WriteLine($"bhh: internal error: {finding.Message}");
            }

            return ExitCodes.InternalError;
        }

        return result.HasFailures ? ExitCodes.Failures : ExitCodes.Success;
    }

    /// <summary>Writes one output; returns why it could not be written, or null.</summary>
    private string? Write(AuditResult result, OutputTarget target)
    {
        if (target.Path is null)
        {
            Render(result, target.Format, terminal.Out, toTerminal: terminal.OutIsTerminal);
            return null;
        }

        var path = Path.GetFullPath(target.Path);

        // Write beside the target and move into place, so a failed run never leaves half a report.
        var temporary = path + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                Render(result, target.Format, writer, toTerminal: false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            return $"Cannot write {target.Path}: {ex.Message}";
        }

        log.LogDebug("Wrote {Format} to {Path}", target.Format, path);
        return null;
    }

    private void Render(AuditResult result, OutputFormat format, TextWriter writer, bool toTerminal)
    {
        switch (format)
        {
            case OutputFormat.Json:
                {
                    using var buffer = new MemoryStream();
                    FindingsJson.Write(result, ToolInfo.Current, buffer);
                    writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                    break;
                }

            case OutputFormat.Markdown:
                MarkdownReport.BuiltIn.Write(result, ToolInfo.Current, writer);
                break;

            case OutputFormat.Text when toTerminal:
                TextSummary.Render(result, ToolInfo.Current, Terminal.Create(writer, colour: true, terminal.Width), ascii: false);
                break;

            case OutputFormat.Text:
                writer.Write(TextSummary.Plain(result, ToolInfo.Current, Terminal.PlainWidth));
                break;

            default:
                throw new InvalidOperationException($"No writer for {format}.");
        }

        writer.Flush();
    }

    /// <summary>The first --out that is one of the snapshot's own files, if any.</summary>
    private static string? OverwritesInput(IEnumerable<OutputTarget> targets, string snapshotFolder)
    {
        if (!Directory.Exists(snapshotFolder))
        {
            return null;
        }

        var inputs = Directory.EnumerateFiles(snapshotFolder).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        return targets.Where(t => t.Path is not null).Select(t => t.Path!).FirstOrDefault(p => inputs.Contains(Path.GetFullPath(p)));
    }

    private int BadInput(string message)
    {
        terminal.Error.WriteLine($"bhh: {message}");
        return ExitCodes.BadInput;
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
