namespace BhhCompliance.Cli.Tests.Fixtures;

/// <summary>
/// A temporary working folder for one test: the snapshot in <see cref="Path"/>, and room beside
/// it for reports (<see cref="Out"/>) and other inputs (<see cref="Sibling"/>). Disposing it
/// deletes everything.
/// </summary>
internal sealed class SnapshotFolder : IDisposable
{
    public SnapshotFolder()
    {
        Root = System.IO.Path.Join(System.IO.Path.GetTempPath(), "bhh-cli-tests-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Join(Root, "snapshot");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder that holds the snapshot and everything else of the test.</summary>
    public string Root { get; }

    /// <summary>The snapshot folder.</summary>
    public string Path { get; }

    /// <summary>A path for a report, in a folder beside the snapshot that does not exist yet.</summary>
    public string Out(string name) => System.IO.Path.Join(Root, "out", name);

    /// <summary>A path beside the snapshot folder.</summary>
    public string Sibling(string name) => System.IO.Path.Join(Root, name);

    /// <summary>A file of the snapshot.</summary>
    public string File(string name) => System.IO.Path.Join(Path, name);

    /// <summary>Every file under the test's folder outside the snapshot, relative to <see cref="Root"/>.</summary>
    public IReadOnlyList<string> FilesOutsideSnapshot() =>
    [
        .. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => System.IO.Path.GetRelativePath(Root, f))
            .Order(StringComparer.Ordinal),
    ];

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
