using BhhCompliance.Tests;

namespace BhhCompliance.Cli.Tests.Fixtures;

/// <summary>Rule set folders for <c>--rules</c> and <c>bhh rules validate DIR</c>, written inside a test's temporary folder.</summary>
internal static class RuleSetFolders
{
    /// <summary>
    /// A valid rule set of two team-minimum rules. TEAM-COUNT's message passes a list of role
    /// names to the <c>number</c> helper: the names are all known, so the rule set validates,
    /// but rendering the message throws.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> WithTemplateThatThrows = new Dictionary<string, string>
    {
        ["ruleset.yaml"] = """
            rule_set:
              name: test-rules
              version: "1"
            profiles:
              - name: self-check
                description: every rule
                rules: ["*"]
            rules:
              - id: TEAM-COUNT
                kind: team-minimum
                title: Team roles are counted
                severity: minor
                citation: Test citation
                parameters:
                  roles: [director, pc-consultant]
                message: "{{number missing_names}} roles are missing."
                remediation: "Fill the missing roles."
              - id: TEAM-MINIMUM
                kind: team-minimum
                title: Every core team role is staffed
                severity: critical
                citation: Test citation
                parameters:
                  roles: [director]
                message: "Missing: {{list missing_names}}."
                remediation: "Fill the missing roles."

            """,
    };

    /// <summary>A valid rule set whose chart-audit profile selects CHART-* rules it does not have.</summary>
    public static readonly IReadOnlyDictionary<string, string> WithEmptyProfile = new Dictionary<string, string>
    {
        ["ruleset.yaml"] = """
            rule_set:
              name: test-rules
              version: "1"
            profiles:
              - name: chart-audit
                description: chart criteria only
                rules: [CHART-*]
            rules:
              - id: TEAM-MINIMUM
                kind: team-minimum
                title: Every core team role is staffed
                severity: critical
                citation: Test citation
                parameters:
                  roles: [director]
                message: "Missing: {{list missing_names}}."
                remediation: "Fill the missing roles."

            """,
    };

    /// <summary>A rule set whose only file is not YAML a rule set can use.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unreadable = new Dictionary<string, string>
    {
        ["ruleset.yaml"] = """
            rule_set:
              name: broken
              version: "1"
            rules:
              - id: TEAM-MINIMUM
                kind: team-minimum
                title: [unclosed

            """,
    };

    /// <summary>
    /// Added to a copy of the shipped rule set: seven problems, one per line noted, that
    /// <c>rules validate</c> must each report with its line and column.
    /// </summary>
    public const string BrokenAddition = """
        rules:
          - id: STAFF-NURSE-RATIO
            kind: staff-ratio
            title: A second nurse ratio
            severity: major
            citation: Test
            parameters:
              role: nurse-care-manager
              caseload: 200
              tolerance: 0.10
            message: "{{role_name}} FTE is {{fixed actual_fte}}."
            remediation: "Hire."
          - id: TEAM-EXTRA
            kind: team-maximum
            title: Unknown kind
            severity: major
            citation: Test
            message: "x"
            remediation: "y"
          - id: STAFF-EXTRA-RATIO
            kind: staff-ratio
            title: Bad template and types
            severity: urgent
            citation: Test
            colour: blue
            parameters:
              role: nurse-care-manager
              caseload: many
              tolerance: 0.10
            message: "{{role_name}} FTE is {{fixed actual_ftee}}."
            remediation: "{{#if failed}}Hire."

        """;

    public static string Write(string folder, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Join(folder, name), text);
        }

        return folder;
    }

    /// <summary>A copy of the shipped rule files (rules/*.yaml, not its tests) in <paramref name="folder"/>.</summary>
    public static string CopyOfShipped(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Rules, "*.yaml"))
        {
            File.Copy(file, Path.Join(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>A copy of the shipped rule files with the shipped cases in its tests folder.</summary>
    public static string CopyOfShippedWithCases(string folder)
    {
        CopyOfShipped(folder);
        CopyFolder(RepositoryPaths.RuleTests, Path.Join(folder, "tests"));
        return folder;
    }

    /// <summary>Copies every file under <paramref name="from"/> to the same place under <paramref name="to"/>.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Join(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
