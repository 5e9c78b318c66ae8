namespace BhhCompliance.Benchmarks;

/// <summary>A fresh folder under the system's temporary folder for generated snapshots, deleted with <see cref="Dispose"/>.</summary>
public sealed class BenchmarkFolder : IDisposable
{
    public BenchmarkFolder(string name)
    {
        Path = System.IO.Path.Join(System.IO.Path.GetTempPath(), $"bhh-bench-{name}-{Environment.ProcessId}");
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }

        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Join(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
