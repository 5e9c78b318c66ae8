using System.CommandLine;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleTests;
using BhhCompliance.Loading.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace BhhCompliance.Cli;

/// <summary><c>bhh rules validate [DIR]</c>, <c>bhh rules list [--profile NAME]</c> and <c>bhh rules test [DIR]</c>.</summary>
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

        var testDirectory = new Argument<string?>("DIR")
        {
            Description = "The rule set folder to test; its cases are in DIR/tests. Default: the BHH_RULES folder, else the built-in " +
                "rule set with the cases in rules/tests under the current folder (a checkout of the repository): the built-in rule " +
                "set carries no cases of its own.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var test = new Command(
            "test",
            "Run the rule set's own test cases (tests/<RULE-ID>/<outcome>-<what>/: a small snapshot and its expect.yaml), and check " +
            "that every rule has a pass-* and a fail-* (or warn-*) case. Exit 1 when a case fails or a rule lacks a case.")
        {
            testDirectory,
        };
        test.SetAction(parse => BhhApp.WithHost(terminal, parse.GetValue(verbose), services =>
            services.GetRequiredService<RulesRunner>().Test(parse.GetValue(testDirectory))));

        return new Command("rules", "Check, list and test rule sets.") { validate, list, test };
    }
}

internal sealed class RulesRunner(Terminal terminal, RuleSetProvider rules, BhhSettings settings, AuditEngine engine, SnapshotLoader snapshots)
{
    /// <summary>Where the repository keeps the rule set, relative to the current folder.</summary>
    private const string LocalRules = "rules";

    public int Validate(string? directory)
    {
        if (rules.LoadOrReport(directory) is not { RuleSet: { } ruleSet } loaded)
        {
            return ExitCodes.BadInput;
        }

        var identity = ruleSet.Identity;
        terminal.Out.WriteLine(
            $"{identity.Name} {identity.Version}: {ruleSet.DescribeRuleCount()}, {ruleSet.Profiles.Count} profiles, sha256 {identity.Sha256}. " +
            (loaded.Diagnostics.Count == 0 ? "No problems found." : $"{DiagnosticPrinter.Count(loaded.Diagnostics)}."));
        return ExitCodes.Success;
    }

    private static string InForce(RuleDefinition rule) => (rule.EffectiveFrom, rule.EffectiveTo) switch
    {
        (null, null) => "always",
        ({ } from, null) => $"from {Core.Text.Formats.Date(from)}",
        (null, { } to) => $"until {Core.Text.Formats.Date(to)}",
        ({ } from, { } to) => $"{Core.Text.Formats.Date(from)} to {Core.Text.Formats.Date(to)}",
    };

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

        // Versions of a rule differ by their dates: show them when any rule listed has some.
        var dated = selected.Any(r => r.IsDated);
        if (dated)
        {
            table.AddColumn("In force");
        }

        foreach (var rule in selected)
        {
            string[] cells = [Markup.Escape(rule.Id), rule.Severity.Name(), Markup.Escape(rule.Kind), Markup.Escape(rule.Title)];
            table.AddRow(dated ? [.. cells, InForce(rule)] : cells);
        }

        console.Write(table);
        console.WriteLine($"{selected.Count} of {ruleSet.Rules.Count} rules in {ruleSet.Identity.Name} {ruleSet.Identity.Version}.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Runs every case of the rule set, one line each, then the coverage gate. Without a folder the
    /// rules are BHH_RULES's or the built-in ones; the built-in set has no cases inside the tool,
    /// so its cases are the repository's rules/tests, found from the current folder.
    /// </summary>
    public int Test(string? directory)
    {
        var folder = directory ?? settings.RulesDirectory;
        var casesRoot = Path.Join(folder ?? LocalRules, RuleCaseRunner.TestsFolder);
        if (rules.LoadOrReport(directory) is not { RuleSet: { } ruleSet })
        {
            return ExitCodes.BadInput;
        }

        if (!Directory.Exists(casesRoot))
        {
            terminal.Error.WriteLine(folder is null
                ? $"bhh: the built-in rule set carries no test cases, and there is no {casesRoot} folder here. Give a rule set folder " +
                  "that has a tests folder, such as the repository's: bhh rules test rules"
                : $"bhh: {folder} has no tests folder; a rule set's cases are folders {casesRoot}/<RULE-ID>/<outcome>-<what it shows>/.");
            return ExitCodes.BadInput;
        }

        if (folder is null)
        {
            NoteWhenLocalRulesDiffer(ruleSet);
        }

        var runner = new RuleCaseRunner(engine, snapshots);
        var cases = RuleCaseRunner.FindCases(casesRoot);
        var output = new TestOutput(terminal);
        output.Line(null, $"Testing {ruleSet.Identity.Name} {ruleSet.Identity.Version} ({folder ?? "built in"}) against {Count(cases.Count, "case")} in {casesRoot}.");
        var names = new List<string>();
        var failed = 0;
        foreach (var caseFolder in cases)
        {
            var name = RuleCaseRunner.NameOf(casesRoot, caseFolder);
            names.Add(name);
            var result = runner.Run(ruleSet, caseFolder, name);
            failed += result.Passed ? 0 : 1;
            output.Line(result.Passed ? "green" : "red", result.Passed ? "PASS" : "FAIL", $" {name}");
            foreach (var difference in result.Differences)
            {
                output.Line(null, $"    {difference}");
            }
        }

        var coverage = RuleCoverage.Of(ruleSet, names);
        foreach (var gap in coverage.Gaps)
        {
            output.Line("yellow", "Coverage:", $" {gap.Message}");
        }

        var passed = failed == 0 && coverage.IsComplete;
        output.Line(
            passed ? "bold green" : "bold red",
            $"{ruleSet.DescribeRuleCount()}, {Count(cases.Count, "case")}: {cases.Count - failed} passed, {failed} failed; " +
            CoverageSummary(coverage));
        return passed ? ExitCodes.Success : ExitCodes.Failures;
    }

    /// <summary>
    /// The built-in rules are the repository's rules/*.yaml as they were when the tool was built.
    /// After an edit, the cases would quietly test the old rules, so say so.
    /// </summary>
    private void NoteWhenLocalRulesDiffer(RuleSet builtIn)
    {
        if (rules.Load(LocalRules).RuleSet?.Identity.Sha256 is { } local && local == builtIn.Identity.Sha256)
        {
            return;
        }

        terminal.Error.WriteLine(
            $"bhh: note: the rule files in the {LocalRules} folder here differ from the built-in rule set; these cases test the built-in rules. " +
            $"To test the files, run: bhh rules test {LocalRules}");
    }

    private static string CoverageSummary(RuleCoverage coverage)
    {
        if (coverage.IsComplete)
        {
            return "coverage: every rule has a passing and a failing case.";
        }

        var rulesShort = coverage.Gaps.Where(g => g.IsAboutARule).Select(g => g.Subject).Distinct().Count();
        var strayCases = coverage.Gaps.Count(g => !g.IsAboutARule);
        var parts = new List<string>();
        if (rulesShort > 0)
        {
            parts.Add($"{Count(rulesShort, "rule")} without a passing or a failing case");
        }

        if (strayCases > 0)
        {
            parts.Add($"{Count(strayCases, "case")} outside the folder of a rule of the set");
        }

        return $"coverage incomplete: {string.Join(", ", parts)}.";
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    /// <summary>Lines of <c>rules test</c>: coloured through Spectre on a terminal; plain and never wrapped when piped, so each line can be searched.</summary>
    private sealed class TestOutput(Terminal terminal)
    {
        private readonly IAnsiConsole? _console = terminal.UseColour ? terminal.OutConsole() : null;

        /// <summary>Writes <paramref name="label"/> in <paramref name="style"/> (when colour is on), then <paramref name="rest"/> plain.</summary>
        public void Line(string? style, string label, string rest = "")
        {
            if (_console is null)
            {
                terminal.Out.WriteLine(label + rest);
            }
            else
            {
                _console.MarkupLine((style is null ? Markup.Escape(label) : $"[{style}]{Markup.Escape(label)}[/]") + Markup.Escape(rest));
            }
        }
    }
}