using System.Text.RegularExpressions;
using BhhCompliance.Tests;

namespace BhhCompliance.Loading.Tests;

/// <summary>
/// The golden cases copied to the test output: a folder per case under <c>Golden/&lt;kind&gt;/</c>,
/// each holding the input files and <c>expected.txt</c>, the exact diagnostics, one per line.
/// </summary>
internal static partial class GoldenCases
{
    private const string ExpectedFile = "expected.txt";

    public static string Root { get; } = Path.Join(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Names(string kind) => [.. NameList(kind)];

    /// <summary>The case folders of <paramref name="kind"/> that hold an expected.txt, by name.</summary>
    public static IReadOnlyList<string> NameList(string kind) =>
    [
        .. Directory.EnumerateDirectories(Path.Join(Root, kind))
            .Where(folder => File.Exists(Path.Join(folder, ExpectedFile)))
            .Select(folder => Path.GetFileName(folder))
            .Order(StringComparer.Ordinal),
    ];

    public static string Folder(string kind, string name) => Path.Join(Root, kind, name);

    /// <summary>The expected lines; line endings and a final newline do not matter.</summary>
    public static IReadOnlyList<string> Expected(string folder) =>
        [.. File.ReadAllText(Path.Join(folder, ExpectedFile)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(line => line.Length > 0)];

    /// <summary>Whether an expected line is an error, as <c>Diagnostic.ToString()</c> prints one.</summary>
    public static bool IsErrorLine(string line) => line.Contains(": error BHH", StringComparison.Ordinal);

    /// <summary>Lines joined for comparison, so that a failure shows where the two texts first differ.</summary>
    public static string Text(IEnumerable<string> lines) => string.Join('\n', lines);

    /// <summary>Every code that Problems.cs defines with the given prefix, read from its source.</summary>
    public static IReadOnlyList<string> CodesInProblems(string prefix)
    {
        var source = File.ReadAllText(Path.Join(RepositoryPaths.Root, "src", "BhhCompliance.Loading", "Problems.cs"));
        return [.. CodePattern().Matches(source).Select(m => m.Groups[1].Value).Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether some case of <paramref name="kind"/> expects a diagnostic with <paramref name="code"/>.</summary>
    public static bool AnyExpects(string kind, string code) =>
        NameList(kind).Any(name => Expected(Folder(kind, name)).Any(line => line.Contains($" {code}: ", StringComparison.Ordinal)));

    [GeneratedRegex("\"(BHH\\d{4})\"")]
    private static partial Regex CodePattern();
}
