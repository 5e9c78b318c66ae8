using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BhhCompliance.Cli;

/// <summary><c>bhh audit SNAPSHOT</c>: evaluate the rule set against a snapshot and write the findings.</summary>
internal static class AuditCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var snapshot = new Argument<string>("SNAPSHOT")
        {
            Description = "The agency's snapshot folder (agency.yaml and the CSV files), or a folder of such folders to audit every agency in it.",
        };
        var rules = new Option<string?>("--rules") { Description = "A rule set folder to use instead of the built-in Connecticut rule set.", HelpName = "DIR" };
        var templates = new Option<string?>("--templates") { Description = "A folder of report templates (findings.md.hbs, report.yaml) to use instead of the built-in wording.", HelpName = "DIR" };
        var profile = new Option<string?>("--profile") { Description = "The profile to run (credentialing, chart-audit, self-check). Default: the review type in agency.yaml.", HelpName = "NAME" };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "Evaluate as of this date instead of agency.yaml's as_of.",
            HelpName = "YYYY-MM-DD",
            CustomParser = BhhApp.ParseDate,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Output format: text, json, md or pdf. Repeat, each with its --out, for several outputs.",
            HelpName = "FORMAT",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string[]>("--out", "-o")
        {
            Description = "Output file for the format in the same position. Without it the output goes to standard output.",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = false,
        };
        var waivers = new Option<string?>("--waivers")
        {
            Description = "A YAML file of approved waivers: findings they cover are reported as waived, with who approved them, why and until when.",
            HelpName = "FILE",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing on standard output unless a format is sent there." };
        var batch = new Option<bool>("--batch")
        {
            Description = "Treat SNAPSHOT as a folder of snapshot folders, one per agency (the default when it has no agency.yaml and its folders do).",
        };
        var outDir = new Option<string?>("--out-dir")
        {
            Description = "Batch audits: the folder for each agency's reports and the statewide summary. Default: SNAPSHOT's name with -audit, in the current folder.",
            HelpName = "DIR",
        };
        var jobs = new Option<int?>("--jobs", "-j")
        {
            Description = "Batch audits: how many agencies to audit at once. Default: the number of cores.",
            HelpName = "N",
        };

        var command = new Command("audit", "Audit a snapshot against the rule set and write the findings.")
        {
            snapshot, rules, profile, asOf, format, output, templates, waivers, quiet, batch, outDir, jobs,
        };
        command.SetAction(parse => BhhApp.WithHost(terminal, parse.GetValue(verbose), services =>
        {
            var request = new AuditRequest(
                parse.GetValue(snapshot)!,
                parse.GetValue(rules),
                parse.GetValue(profile),
                parse.GetValue(asOf),
                parse.GetValue(format) ?? [],
                parse.GetValue(output) ?? [],
                parse.GetValue(quiet))
            {
                TemplatesDirectory = parse.GetValue(templates),
                WaiversFile = parse.GetValue(waivers),
                OutputFolder = parse.GetValue(outDir),
                Jobs = parse.GetValue(jobs),
            };
            if (parse.GetValue(batch) || BatchAuditRunner.IsBatchFolder(request.Snapshot))
            {
                return services.GetRequiredService<BatchAuditRunner>().Run(request);
            }

            if (request.OutputFolder is not null || request.Jobs is not null)
            {
                terminal.Error.WriteLine($"bhh: --out-dir and --jobs are for batch audits of a folder of snapshot folders; {request.Snapshot} is one agency's snapshot. Use --out FILE.");
                return ExitCodes.BadInput;
            }

            return services.GetRequiredService<AuditRunner>().Run(request);
        }));
        return command;
    }
}

internal sealed record AuditRequest(
    string Snapshot,
    string? RulesDirectory,
    string? Profile,
    DateOnly? AsOf,
    IReadOnlyList<string> Formats,
    IReadOnlyList<string> Outputs,
    bool Quiet)
{
    public string? TemplatesDirectory { get; init; }

    /// <summary>The waivers file (--waivers), or null for none.</summary>
    public string? WaiversFile { get; init; }

    /// <summary>Batch audits: the output folder (--out-dir), or null for the default.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Batch audits: agencies audited at once (--jobs), or null for the number of cores.</summary>
    public int? Jobs { get; init; }
}
