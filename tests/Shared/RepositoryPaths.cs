using System.Runtime.CompilerServices;

namespace BhhCompliance.Tests;

/// <summary>
/// Paths inside the repository, found by walking up to BhhCompliance.sln from the test's output
/// folder, or, when the build writes its output elsewhere (--artifacts-path), from this source file.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Join(Root, "rules");

    public static string RuleTests => Path.Join(Root, "rules", "tests");

    public static string Samples => Path.Join(Root, "samples");

    public static string Templates => Path.Join(Root, "templates");

    private static string FindRoot() =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(Path.GetDirectoryName(ThisFile())!)
        ?? throw new InvalidOperationException("BhhCompliance.sln was not found above " + AppContext.BaseDirectory);

    private static string? FindAbove(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Join(folder.FullName, "BhhCompliance.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
