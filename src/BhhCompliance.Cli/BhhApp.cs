using System.CommandLine;
using System.Globalization;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Loading.Templates;
using BhhCompliance.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BhhCompliance.Cli;

/// <summary>
/// The <c>bhh</c> command line: System.CommandLine parses; then a generic host supplies
/// configuration (environment variables starting BHH_), logging to standard error and the
/// services a command needs. Parse errors exit 2; an unexpected exception prints one message
/// and exits 3, with the stack trace only under <c>--verbose</c>.
/// </summary>
public static class BhhApp
{
    public static int Run(string[] args, Terminal terminal)
    {
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Show debug logging, and stack traces of internal errors.",
            Recursive = true,
        };
        var root = new RootCommand("bhh audits a Connecticut Behavioral Health Home agency's snapshot against the BHH program rules.")
        {
            verbose,
        };
        root.Add(AuditCommand.Create(terminal, verbose));
        root.Add(RulesCommands.Create(terminal, verbose));
        root.Add(SampleCommand.Create(terminal, verbose));
        root.Add(WorksheetCommand.Create(terminal, verbose));
        root.Add(DiffCommand.Create(terminal, verbose));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                terminal.Error.WriteLine($"bhh: {error.Message}");
            }

            terminal.Error.WriteLine("Run 'bhh --help' for usage.");
            return ExitCodes.BadInput;
        }

        return parse.Invoke(new InvocationConfiguration
        {
            Output = terminal.Out,
            Error = terminal.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>Runs a command's work inside a host, turning an unexpected exception into exit code 3.</summary>
    internal static int WithHost(Terminal terminal, bool verbose, Func<IServiceProvider, int> work)
    {
        try
        {
            using var host = BuildHost(terminal, verbose);
            return work(host.Services);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            terminal.Error.WriteLine($"bhh: internal error: {ex.Message}");
            if (verbose)
            {
                terminal.Error.WriteLine(ex.ToString());
            }
            else
            {
                terminal.Error.WriteLine("This is a defect in bhh. Run again with --verbose for details, and report them.");
            }

            return ExitCodes.InternalError;
        }
    }

    private static IHost BuildHost(Terminal terminal, bool verbose)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("BHH_");
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);

        builder.Services.AddSingleton(terminal);
        builder.Services.AddSingleton(new BhhSettings(builder.Configuration["RULES"], builder.Configuration["TEMPLATES"]));
        builder.Services.AddSingleton(RuleKindCatalog.Standard);
        builder.Services.AddSingleton<RuleSetLoader>();
        builder.Services.AddSingleton<RuleSetProvider>();
        builder.Services.AddSingleton<TemplateProvider>();
        builder.Services.AddSingleton<SnapshotLoader>();
        builder.Services.AddSingleton<AuditEngine>();
        builder.Services.AddTransient<ReportFiles>();
        builder.Services.AddTransient<AuditRunner>();
        builder.Services.AddTransient<BatchAuditRunner>();
        builder.Services.AddTransient<RulesRunner>();
        builder.Services.AddTransient<SampleRunner>();
        builder.Services.AddTransient<WorksheetRunner>();
        builder.Services.AddTransient<DiffRunner>();
        return builder.Build();
    }

    /// <summary>Parses an <c>--as-of</c> style date, or reports why not.</summary>
    internal static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            result.AddError($"'{text}' is not a date; write it as YYYY-MM-DD.");
            return null;
        }

        if (!Core.Snapshots.ReviewInfo.IsPlausible(date))
        {
            result.AddError($"'{text}' must be a date from {Core.Snapshots.ReviewInfo.FirstYear} to {Core.Snapshots.ReviewInfo.LastYear}.");
            return null;
        }

        return date;
    }
}

/// <summary>
/// Settings from the environment: <c>BHH_RULES</c> names a default rule set folder, and
/// <c>BHH_TEMPLATES</c> a default report templates folder.
/// </summary>
public sealed record BhhSettings(string? RulesDirectory, string? TemplatesDirectory = null);

/// <summary>Loads the rule set a command asked for: a folder, the BHH_RULES folder, or the built-in one.</summary>
internal sealed class RuleSetProvider(RuleSetLoader loader, BhhSettings settings, Terminal terminal)
{
    public RuleSetLoadResult Load(string? directory)
    {
        var folder = directory ?? settings.RulesDirectory;
        return loader.Load(folder is null ? BuiltInRuleSource.Instance : new DirectoryRuleSource(folder));
    }

    /// <summary>Loads the rule set and prints its diagnostics; null (after saying so) when it has errors.</summary>
    public RuleSetLoadResult? LoadOrReport(string? directory) => Report(Load(directory));

    /// <summary>Prints a loaded rule set's diagnostics; null (after saying so) when it has errors.</summary>
    public RuleSetLoadResult? Report(RuleSetLoadResult loaded)
    {
        DiagnosticPrinter.Print(terminal.Error, loaded.Diagnostics);
        if (loaded.RuleSet is null)
        {
            terminal.Error.WriteLine($"bhh: the rule set has {DiagnosticPrinter.Count(loaded.Diagnostics)}.");
            return null;
        }

        return loaded;
    }
}

/// <summary>Loads the report templates: a folder, the BHH_TEMPLATES folder, or the built-in ones.</summary>
internal sealed class TemplateProvider(BhhSettings settings, Terminal terminal)
{
    /// <summary>The templates, after printing their diagnostics; null (after saying so) when they have errors.</summary>
    public ReportTemplates? LoadOrReport(string? directory)
    {
        var (templates, diagnostics) = ReportTemplateLoader.Load(directory ?? settings.TemplatesDirectory, ReportSchema.Templates);
        DiagnosticPrinter.Print(terminal.Error, diagnostics);
        if (templates is null)
        {
            terminal.Error.WriteLine($"bhh: the report templates have {DiagnosticPrinter.Count(diagnostics)}.");
        }

        return templates;
    }
}
