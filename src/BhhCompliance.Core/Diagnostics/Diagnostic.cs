using System.Globalization;

namespace BhhCompliance.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>A place in an input file. Line and column are 1-based; 0 means "not known".</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    public override string ToString() => Line switch
    {
        0 when File.Length == 0 => ".",
        0 => File,
        _ when Column == 0 => string.Create(CultureInfo.InvariantCulture, $"{File}({Line})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})"),
    };
}

/// <summary>
/// One problem with an input, printed compiler-style:
/// <c>services.csv(1234,2): error BHH2103: 'date' must be a date (YYYY-MM-DD), got '2026-13-01'.</c>
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";

    /// <summary>The same text with the file shown under <paramref name="folder"/> (an empty file name is the folder itself).</summary>
    public string ToString(string folder) =>
        (this with { Location = Location with { File = Location.File.Length == 0 ? folder : Path.Join(folder, Location.File) } }).ToString();
}
