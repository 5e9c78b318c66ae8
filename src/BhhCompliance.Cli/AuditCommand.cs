using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BhhCompliance.Cli;

/// <summary><c>bhh audit SNAPSHOT</c>: evaluate the rule set against a snapshot and write the findings.</summary>
internal static class AuditCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var snapshot = new Argument<string>("SNAPSHOT") { Description = "The agency's snapshot folder (agency.yaml and the CSV files)." };
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

        var command = new Command("audit", "Audit a snapshot against the rule set and write the findings.")
        {
            snapshot, rules, profile, asOf, format, output, templates, waivers, quiet,
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
            };
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
}
