using System.Globalization;
using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Domain;

namespace BhhCompliance.Loading.Tables;

/// <summary>
/// Reads a table against its schema. The header is matched case-insensitively; missing
/// required columns and repeated columns are errors, unknown columns warnings (kept out of
/// the evaluation). Each data row is offered as a <see cref="RowReader"/> whose typed getters
/// report every bad value with its line and column.
/// </summary>
internal static class TableReader
{
    /// <summary>The data rows, or nothing when the header is unusable (after reporting why).</summary>
    /// <param name="source">The file.</param>
    /// <param name="schema">Its columns.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="status">Set when the rows are exhausted: whether every row was read.</param>
    public static IEnumerable<RowReader> Read(ITableSource source, TableSchema schema, DiagnosticBag diagnostics, TableStatus status)
    {
        Header? header = null;
        var row = new RowReader(source.FileName, diagnostics);
        foreach (var record in source.Rows())
        {
            if (header is null)
            {
                header = BindHeader(record, schema, source.FileName, diagnostics);
                if (header is null)
                {
                    yield break;
                }

                continue;
            }

            if (!header.Fits(record))
            {
                // The column is the first field too many, or the one after the last field when fields are missing.
                var column = Math.Min(record.Count, header.Named) + 1;
                diagnostics.Add(Problems.FieldCount(new SourceLocation(source.FileName, record.Line, column), record.Count, header.Named));
                status.SkippedRows++;
                continue;
            }

            row.Reset(record, header.Columns);
            yield return row;
        }

        if (header is null && !diagnostics.HasErrorsIn(source.FileName))
        {
            diagnostics.Add(Problems.EmptyFile(SourceLocation.OfFile(source.FileName)));
        }

        status.Complete = header is not null && !source.StoppedEarly && status.SkippedRows == 0;
    }

    private static Header? BindHeader(TableRow header, TableSchema schema, string file, DiagnosticBag diagnostics)
    {
        // Spreadsheet exports often end the header with empty cells (a trailing ",,"); they are not columns.
        var named = header.Count;
        while (named > 0 && header.Fields[named - 1].Trim().Length == 0)
        {
            named--;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < named; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            var at = new SourceLocation(file, header.Line, i + 1);
            if (name.Length == 0)
            {
                diagnostics.Add(Problems.UnnamedColumn(at));
            }
            else if (firstSeen.TryGetValue(name, out var first))
            {
                diagnostics.Add(Problems.RepeatedColumn(at, name, first + 1));
                ok = false;
            }
            else
            {
                firstSeen.Add(name, i);
                if (schema.Knows(name))
                {
                    columns.Add(name, i);
                }
                else
                {
                    diagnostics.Add(Problems.UnknownColumn(at, header.Fields[i].Trim()));
                }
            }
        }

        foreach (var (name, required) in schema.Columns)
        {
            if (required && !columns.ContainsKey(name))
            {
                diagnostics.Add(Problems.MissingColumn(new SourceLocation(file, header.Line, 1), name));
                ok = false;
            }
        }

        return ok ? new Header(columns, named) : null;
    }

    /// <summary>The bound header: known columns by name, and how many cells before any trailing empty ones.</summary>
    private sealed record Header(Dictionary<string, int> Columns, int Named)
    {
        /// <summary>A row fits with as many fields as named columns, or more when the extra ones are empty.</summary>
        public bool Fits(TableRow row)
        {
            if (row.Count < Named)
            {
                return false;
            }

            for (var i = Named; i < row.Count; i++)
            {
                if (row.Fields[i].Trim().Length > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>How reading a table went: whether every row was read, so that its ids can be relied on.</summary>
internal sealed class TableStatus
{
    public bool Complete { get; set; }

    public int SkippedRows { get; set; }
}

/// <summary>Typed, checked access to the fields of the current row.</summary>
internal sealed class RowReader(string file, DiagnosticBag diagnostics)
{
    private TableRow _row;
    private Dictionary<string, int> _columns = [];

    public int Line => _row.Line;

    public string File => file;

    /// <summary>False once any value of this row has been reported.</summary>
    public bool IsValid { get; private set; }

    public void Reset(TableRow row, Dictionary<string, int> columns)
    {
        _row = row;
        _columns = columns;
        IsValid = true;
    }

    public SourceLocation At(string column) =>
        new(file, _row.Line, _columns.TryGetValue(column, out var index) ? index + 1 : 0);

    public Core.Snapshots.SourceLine Source => new(file, _row.Line);

    public void Report(Diagnostic diagnostic)
    {
        IsValid &= !diagnostic.IsError;
        diagnostics.Add(diagnostic);
    }

    /// <summary>The trimmed value, null when empty (reported when required).</summary>
    public string? Text(string column, bool required = false)
    {
        var value = _columns.TryGetValue(column, out var index) ? _row.Fields[index].Trim() : string.Empty;
        if (value.Length > 0)
        {
            return value;
        }

        if (required)
        {
            Report(Problems.Required(At(column), column));
        }

        return null;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var text = Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report(Problems.NotADate(At(column), column, text));
        return null;
    }

    public YearMonth? Month(string column, bool required = false)
    {
        var text = Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (YearMonth.TryParse(text, out var month))
        {
            return month;
        }

        Report(Problems.NotAMonth(At(column), column, text));
        return null;
    }

    public decimal? Decimal(string column, decimal minimum, decimal maximum, bool required = false)
    {
        var text = Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Report(Problems.NotANumber(At(column), column, text));
            return null;
        }

        if (value < minimum || value > maximum)
        {
            Report(Problems.OutOfRange(At(column), column, minimum, maximum, text));
            return null;
        }

        return value;
    }

    public bool? Boolean(string column, bool required = false)
    {
        var text = Text(column, required);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "yes" or "true":
                return true;
            case "no" or "false":
                return false;
            default:
                Report(Problems.NotABoolean(At(column), column, text));
                return null;
        }
    }

    /// <summary>An id from a closed list, returned in the list's own spelling.</summary>
    public string? Term(string column, Vocabulary vocabulary, bool required = false)
    {
        var text = Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (vocabulary.Find(text) is { } term)
        {
            return term.Id;
        }

        Report(Problems.UnknownTerm(At(column), column, vocabulary, text));
        return null;
    }
}
