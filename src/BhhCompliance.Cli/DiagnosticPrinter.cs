using BhhCompliance.Core.Diagnostics;

namespace BhhCompliance.Cli;

/// <summary>Prints diagnostics compiler-style to standard error, then a one-line count.</summary>
internal static class DiagnosticPrinter
{
    /// <param name="error">Standard error.</param>
    /// <param name="diagnostics">What to print, in order.</param>
    /// <param name="folder">Prefixed to file names that are relative to it, or null to print them as they are.</param>
    public static void Print(TextWriter error, IReadOnlyList<Diagnostic> diagnostics, string? folder = null)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(folder is null ? diagnostic.ToString() : diagnostic.ToString(folder));
        }
    }

    public static string Count(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        return $"{errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}";
    }
}
