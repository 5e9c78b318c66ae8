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
        if (rules.LoadOrReport(request.RulesDirectory) is not { RuleSet: { } ruleSet })
        {
            return BadInput("No report was written.");
        }

        if (templates.LoadOrReport(request.TemplatesDirectory) is not { } reportTemplates)
        {
            return BadInput("No report was written.");
        }

        WaiverFileLoadResult? waivers = null;
        if (request.WaiversFile is { } waiversFile)
        {
            // Checked against the rule set before the snapshot is read: a waiver that cannot be
            // trusted stops the run before anything is evaluated.
            waivers = WaiverFileLoader.Load(waiversFile, ruleSet);
            DiagnosticPrinter.Print(terminal.Error, waivers.Diagnostics);
            if (waivers.Waivers is null)
            {
                return BadInput($"The waivers file has {DiagnosticPrinter.Count(waivers.Diagnostics)}; no report was written.");
            }
        }

        SnapshotLoadResult loaded;
        using (var progress = new ProgressLine(terminal.Error, terminal.ErrorIsTerminal))
        {
            loaded = snapshots.Load(
                request.Snapshot,
                new InlineProgress<LoadProgress>(p => progress.Update(p.BytesTotal > 0 ? $"Reading {p.File} ({p.BytesDone * 100 / p.BytesTotal}%)" : $"Reading {p.File}")),
                ChartCriteria.Of(ruleSet, engine.Kinds));
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

        if (ruleSet.RulesOf(profile).Count == 0)
        {
            return BadInput($"The profile '{profile.Name}' selects no rule of the rule set {ruleSet.Identity.Name} {ruleSet.Identity.Version}; nothing would be audited.");
        }

        if (request.AsOf is { } asOf)
        {
            snapshot = snapshot.AsOf(asOf);
        }

        if (ruleSet.RulesOf(profile, snapshot.Review.AsOf).Count == 0)
        {
            return BadInput($"No rule the profile '{profile.Name}' selects is in force on {Core.Text.Formats.Date(snapshot.Review.AsOf)}; nothing would be audited.");
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
