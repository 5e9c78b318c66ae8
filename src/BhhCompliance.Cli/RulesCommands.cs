using System.CommandLine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace BhhCompliance.Cli;

/// <summary><c>bhh rules validate [DIR]</c> and <c>bhh rules list [--profile NAME]</c>.</summary>
internal static class RulesCommands
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "The rule set folder to check. Default: the built-in Connecticut rule set.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "Check rule files without a snapshot, and report every problem with its line.") { directory };
        validate.SetAction(parse => BhhApp.WithHost(terminal, parse.GetValue(verbose), services =>
            services.GetRequiredService<RulesRunner>().Validate(parse.GetValue(directory))));

        var profile = new Option<string?>("--profile") { Description = "List only the rules this profile runs.", HelpName = "NAME" };
        var rulesOption = new Option<string?>("--rules") { Description = "A rule set folder instead of the built-in one.", HelpName = "DIR" };
        var list = new Command("list", "List the rules with id, severity and title.") { profile, rulesOption };
        list.SetAction(parse => BhhApp.WithHost(terminal, parse.GetValue(verbose), services =>
            services.GetRequiredService<RulesRunner>().List(parse.GetValue(rulesOption), parse.GetValue(profile))));

        return new Command("rules", "Check and list rule sets.") { validate, list };
    }
}

internal sealed class RulesRunner(Terminal terminal, RuleSetProvider rules)
{
    public int Validate(string? directory)
    {
        if (rules.LoadOrReport(directory) is not { RuleSet: { } ruleSet } loaded)
        {
            return ExitCodes.BadInput;
        }

        var identity = ruleSet.Identity;
        terminal.Out.WriteLine(
            $"{identity.Name} {identity.Version}: {ruleSet.Rules.Count} rules, {ruleSet.Profiles.Count} profiles, sha256 {identity.Sha256}. " +
            (loaded.Diagnostics.Count == 0 ? "No problems found." : $"{DiagnosticPrinter.Count(loaded.Diagnostics)}."));
        return ExitCodes.Success;
    }

    public int List(string? directory, string? profileName)
    {
        if (rules.LoadOrReport(directory) is not { RuleSet: { } ruleSet })
        {
            return ExitCodes.BadInput;
        }

        var selected = ruleSet.Rules;
        var console = terminal.OutConsole();
        if (profileName is not null)
        {
            if (ruleSet.FindProfile(profileName) is not { } profile)
            {
                terminal.Error.WriteLine($"bhh: unknown profile '{profileName}'. Profiles: {string.Join(", ", ruleSet.Profiles.Select(p => p.Name))}.");
                return ExitCodes.BadInput;
            }

            selected = ruleSet.RulesOf(profile);
            console.MarkupLine(Markup.Escape($"Profile {profile.Name}: {profile.Description}"));
        }

        var table = new Table().Border(terminal.OutIsTerminal ? TableBorder.Rounded : TableBorder.Ascii);
        table.AddColumn("Rule");
        table.AddColumn("Severity");
        table.AddColumn("Kind");
        table.AddColumn("Title");
        foreach (var rule in selected)
        {
            table.AddRow(Markup.Escape(rule.Id), rule.Severity.Name(), Markup.Escape(rule.Kind), Markup.Escape(rule.Title));
        }

        console.Write(table);
        console.WriteLine($"{selected.Count} of {ruleSet.Rules.Count} rules in {ruleSet.Identity.Name} {ruleSet.Identity.Version}.");
        return ExitCodes.Success;
    }
}
