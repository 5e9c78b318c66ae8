namespace BhhCompliance.Cli.Tests.Fixtures;

/// <summary>What one run of <c>bhh</c> printed, and its exit code.</summary>
internal sealed record BhhRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard error's lines, without the empty last one.</summary>
    public IReadOnlyList<string> ErrorLines => Lines(Error);

    public IReadOnlyList<string> OutLines => Lines(Out);

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}

/// <summary>Runs the whole program in-process, with standard output and error captured and neither a terminal.</summary>
internal static class Bhh
{
    public static BhhRun Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = BhhApp.Run(args, new Terminal(output, error, false, false, 120));
        return new BhhRun(code, output.ToString(), error.ToString());
    }
}
