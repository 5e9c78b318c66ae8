namespace BhhCompliance.Loading.Tests;

/// <summary>A folder under the system's temporary path, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Join(System.IO.Path.GetTempPath(), "bhh-loading-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>A snapshot's agency.yaml with the usual six-month period, for tests about the other files.</summary>
    public const string MinimalAgency = """
        agency:
          id: LMHA-RV
        review:
          type: credentialing
          as_of: 2026-09-30
          period_start: 2026-04-01
          period_end: 2026-09-30
        """;

    public string Path { get; }

    /// <summary>A folder holding only <see cref="MinimalAgency"/> as agency.yaml.</summary>
    public static TemporaryFolder WithAgency()
    {
        var folder = new TemporaryFolder();
        folder.Write("agency.yaml", MinimalAgency);
        return folder;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark, and returns the file's path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Join(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Join(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; it must not fail the test that used it.
        }
    }
}
