namespace BhhCompliance.Core.Diagnostics;

/// <summary>
/// Collects every problem a load finds. Errors are all kept. Warnings of one code in one file
/// are kept up to <see cref="WarningsPerFileAndCode"/>; past that they are counted, and one
/// closing warning says how many more there were, so that a whole year of services dated
/// outside the period reads as a few lines and a count rather than a flood.
/// </summary>
public sealed class DiagnosticBag
{
    public const int WarningsPerFileAndCode = 20;

    private readonly List<Diagnostic> _items = [];
    private readonly Dictionary<(string File, string Code), int> _warningCounts = [];
    private readonly HashSet<string> _filesWithErrors = new(StringComparer.Ordinal);

    public bool HasErrors { get; private set; }

    public int ErrorCount { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        if (diagnostic.IsError)
        {
            HasErrors = true;
            ErrorCount++;
            _filesWithErrors.Add(diagnostic.Location.File);
            _items.Add(diagnostic);
            return;
        }

        var key = (diagnostic.Location.File, diagnostic.Code);
        var seen = _warningCounts.GetValueOrDefault(key);
        _warningCounts[key] = seen + 1;
        if (seen < WarningsPerFileAndCode)
        {
            _items.Add(diagnostic);
        }
    }

    public bool HasErrorsIn(string file) => _filesWithErrors.Contains(file);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>
    /// Every diagnostic, file by file in the order the files were read and by line and column
    /// within a file, then one line per capped warning code that tells how many more of it
    /// were not listed.
    /// </summary>
    public IReadOnlyList<Diagnostic> ToList()
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in _items)
        {
            fileOrder.TryAdd(item.Location.File, fileOrder.Count);
        }

        var all = _items
            .OrderBy(d => fileOrder[d.Location.File])
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();
        foreach (var ((file, code), count) in _warningCounts.OrderBy(p => p.Key.File, StringComparer.Ordinal).ThenBy(p => p.Key.Code, StringComparer.Ordinal))
        {
            if (count > WarningsPerFileAndCode)
            {
                all.Add(new Diagnostic(
                    DiagnosticSeverity.Warning,
                    code,
                    $"{count - WarningsPerFileAndCode:N0} more warnings like this in {file} are not listed ({count:N0} in all).",
                    SourceLocation.OfFile(file)));
            }
        }

        return all;
    }
}
