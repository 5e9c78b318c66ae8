using System.Reflection;

namespace BhhCompliance.Loading.RuleSets;

/// <summary>One file of a rule set: the path diagnostics show, and its text.</summary>
public sealed record RuleFile(string Path, string Text);

/// <summary>Where a rule set's files come from: a folder, or the copy built into the tool.</summary>
public interface IRuleSource
{
    /// <summary>How diagnostics name the source when it has no file at all.</summary>
    string Description { get; }

    bool Exists { get; }

    IReadOnlyList<RuleFile> Files();
}

/// <summary>The <c>*.yaml</c> and <c>*.yml</c> files directly in a folder; subfolders (tests) are not rules.</summary>
public sealed class DirectoryRuleSource(string directory) : IRuleSource
{
    public string Description => directory;

    public bool Exists => Directory.Exists(directory);

    public IReadOnlyList<RuleFile> Files() =>
    [
        .. Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new RuleFile(f, File.ReadAllText(f))),
    ];
}

/// <summary>The Connecticut rule set that ships inside the tool (the repository's <c>rules/</c> folder).</summary>
public sealed class BuiltInRuleSource : IRuleSource
{
    private const string Prefix = "rules/";

    public static BuiltInRuleSource Instance { get; } = new();

    public string Description => "rules (built in)";

    public bool Exists => true;

    public IReadOnlyList<RuleFile> Files()
    {
        var assembly = typeof(BuiltInRuleSource).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(n => new RuleFile(n, Read(assembly, n))),
        ];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The built-in rule file {name} is missing from the tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
