using System.Diagnostics;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Waivers;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Loading.Waivers;
using BhhCompliance.Reporting;
using Microsoft.Extensions.Logging;

namespace BhhCompliance.Cli;

/// <summary>
/// Runs one audit: check the outputs asked for, load the rule set, the waivers and the snapshot
/// (reporting every problem), pick the profile, evaluate and apply the waivers, write each
/// output, and choose the exit code.
/// </summary>
internal sealed class AuditRunner(
    Terminal terminal,
    RuleSetProvider rules,
    TemplateProvider templates,
    SnapshotLoader snapshots,
    AuditEngine engine,
    ReportFiles files,
    ILogger<AuditRunner> log)
{
    public int Run(AuditRequest request)
    {
        var (targets, planError) = OutputPlan.From(request.Formats, request.Outputs);
        if (planError is not null)
        {
            return BadInput(planError);
        }

        if (ReportFiles.Check(targets, request.Snapshot, request.WaiversFile) is { } targetError)
        {
            return BadInput(targetError);
        }

        var clock = Stopwatch.StartNew();

        // The rule set (its templates take a while to compile) and the waivers load on another
        // core while the snapshot streams in; the snapshot needs the rule set only for
        // attestations.csv, its last file. Problems are printed in the same order as before:
        // the rule set's, the waivers', then the snapshot's.
        var setup = Task.Run(() => LoadRulesAndWaivers(request));
        SnapshotLoadResult loaded;
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            loaded = snapshots.Load(
                request.Snapshot,
                new InlineProgress<LoadProgress>(p => progress.Update(p.BytesTotal > 0 ? $"Reading {p.File} ({p.BytesDone * 100 / p.BytesTotal}%)" : $"Reading {p.File}")),
                () => setup.GetAwaiter().GetResult().Rules.RuleSet is { } loadedRules ? ChartCriteria.Of(loadedRules, engine.Kinds) : null,
                request.AsOf);
        }

        var (ruleSetResult, waivers) = setup.GetAwaiter().GetResult();
        if (rules.Report(ruleSetResult) is not { RuleSet: { } ruleSet })
        {
            return BadInput("No report was written.");
        }

        if (waivers is not null)
        {
            DiagnosticPrinter.Print(terminal.Error, waivers.Diagnostics);
            if (waivers.Waivers is null)
            {
                return BadInput($"The waivers file has {DiagnosticPrinter.Count(waivers.Diagnostics)}; no report was written.");
            }
        }

        // The report templates are only needed by the Markdown and PDF reports.
        Loading.Templates.ReportTemplates? reportTemplates = null;
        if (targets.Any(t => t.Format is OutputFormat.Markdown or OutputFormat.Pdf) || request.TemplatesDirectory is not null)
        {
            if (templates.LoadOrReport(request.TemplatesDirectory) is not { } loadedTemplates)
            {
                return BadInput("No report was written.");
            }

            reportTemplates = loadedTemplates;
        }

        DiagnosticPrinter.Print(terminal.Error, loaded.Diagnostics, request.Snapshot);
        if (loaded.Snapshot is not { } snapshot)
        {
            return BadInput($"The snapshot has {DiagnosticPrinter.Count(loaded.Diagnostics)}; no report was written.");
        }

        log.LogDebug("Loaded {Snapshot} in {Milliseconds} ms", request.Snapshot, clock.ElapsedMilliseconds);

        var (profile, profileError) = ProfileChoice.Resolve(ruleSet, request.Profile, snapshot);
        if (profile is null)
        {
            return BadInput(profileError!);
        }

        AuditResult result;
        clock.Restart();
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            result = engine.Run(
                ruleSet,
                profile,
                snapshot,
                new InlineProgress<AuditProgress>(p => progress.Update($"Evaluating {p.RuleId} ({p.RulesDone} of {p.RulesTotal})")),
                waivers?.Waivers ?? WaiverSet.None);
        }

        if (waivers is not null)
        {
            DiagnosticPrinter.Print(terminal.Error, waivers.Review(result));
        }

        log.LogDebug("Evaluated {Rules} rules in {Milliseconds} ms", ruleSet.RulesOf(profile).Count, clock.ElapsedMilliseconds);

        clock.Restart();
        string? writeError;
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            progress.Update("Writing the reports");
            writeError = files.WriteAll(result, targets, reportTemplates);
        }

        log.LogDebug("Wrote the reports in {Milliseconds} ms", clock.ElapsedMilliseconds);
        if (writeError is not null)
        {
            return BadInput(writeError);
        }

        if (targets.All(t => t.Path is not null) && !request.Quiet)
        {
            files.Render(result, OutputFormat.Text, terminal.Out, terminal.OutIsTerminal);
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

    /// <summary>The rule set, and the waivers checked against it (null without --waivers or without a rule set); nothing printed.</summary>
    private (Loading.RuleSets.RuleSetLoadResult Rules, WaiverFileLoadResult? Waivers) LoadRulesAndWaivers(AuditRequest request)
    {
        var loaded = rules.Load(request.RulesDirectory);
        return (loaded, request.WaiversFile is { } file && loaded.RuleSet is { } ruleSet ? WaiverFileLoader.Load(file, ruleSet) : null);
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
