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
        var fields = header.Texts();
        var named = header.Count;
        while (named > 0 && fields[named - 1].Trim().Length == 0)
        {
            named--;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < named; i++)
        {
            var name = fields[i].Trim().ToLowerInvariant();
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
                    diagnostics.Add(Problems.UnknownColumn(at, fields[i].Trim()));
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
                if (!row.Fields[i].IsWhiteSpace())
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

/// <summary>
/// Typed, checked access to the fields of the current row. Values are read as spans of the row
/// and parsed without intermediate strings; ids are matched against the roster they refer to and
/// returned as the roster's own string, so that a file of millions of rows does not allocate a
/// string per field.
/// </summary>
internal sealed class RowReader(string file, DiagnosticBag diagnostics)
{
    /// <summary>Distinct values <see cref="Pooled"/> shares before it stops sharing new ones.</summary>
    private const int PoolLimit = 4_096;

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly string[] _cachedNames = new string[16];
    private readonly int[] _cachedIndexes = new int[16];
    private TableRow _row;
    private Dictionary<string, int> _columns = [];
    private int _cached;

    public int Line => _row.Line;

    public string File => file;

    /// <summary>False once any value of this row has been reported.</summary>
    public bool IsValid { get; private set; }

    public void Reset(TableRow row, Dictionary<string, int> columns)
    {
        _row = row;
        if (!ReferenceEquals(columns, _columns))
        {
            _columns = columns;
            _cached = 0;
        }

        IsValid = true;
    }

    public SourceLocation At(string column) => new(file, _row.Line, IndexOf(column) + 1);

    public Core.Snapshots.SourceLine Source => new(file, _row.Line);

    public void Report(Diagnostic diagnostic)
    {
        IsValid &= !diagnostic.IsError;
        diagnostics.Add(diagnostic);
    }

    /// <summary>The trimmed value, empty when the column is absent or blank.</summary>
    public ReadOnlySpan<char> Span(string column)
    {
        var index = IndexOf(column);
        return index < 0 ? [] : _row.Fields[index].Trim();
    }

    /// <summary>The trimmed value, null when empty (reported when required).</summary>
    public string? Text(string column, bool required = false)
    {
        var value = Span(column);
        if (value.Length > 0)
        {
            return value.ToString();
        }

        return Missing(column, required);
    }

    /// <summary>
    /// As <see cref="Text"/>, for a column with few distinct values (a code, a month): equal
    /// values share one string.
    /// </summary>
    public string? Pooled(string column, bool required = false)
    {
        var value = Span(column);
        if (value.Length == 0)
        {
            return Missing(column, required);
        }

        var pool = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        var text = value.ToString();
        if (_pool.Count < PoolLimit)
        {
            _pool.Add(text, text);
        }

        return text;
    }

    /// <summary>
    /// An id that must be one of <paramref name="known"/> (null when the file listing them is
    /// absent): returned as the known id's own string, or reported with <paramref name="unknown"/>.
    /// </summary>
    public string? Id(string column, IdSet? known, Func<SourceLocation, string, string, Diagnostic> unknown, bool required = false)
    {
        var value = Span(column);
        if (value.Length == 0)
        {
            return Missing(column, required);
        }

        if (known is null)
        {
            return value.ToString();
        }

        if (known.Find(value) is { } id)
        {
            return id;
        }

        var text = value.ToString();
        Report(unknown(At(column), column, text));
        return text;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var value = Span(column);
        if (value.Length == 0)
        {
            Missing(column, required);
            return null;
        }

        if (TryParseDate(value, out var date))
        {
            return date;
        }

        Report(Problems.NotADate(At(column), column, value.ToString()));
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
        var value = Span(column);
        if (value.Length == 0)
        {
            Missing(column, required);
            return null;
        }

        if (!TryParseDecimal(value, out var number))
        {
            Report(Problems.NotANumber(At(column), column, value.ToString()));
            return null;
        }

        if (number < minimum || number > maximum)
        {
            Report(Problems.OutOfRange(At(column), column, minimum, maximum, value.ToString()));
            return null;
        }

        return number;
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
        var value = Span(column);
        if (value.Length == 0)
        {
            return Missing(column, required);
        }

        if (vocabulary.Find(value) is { } term)
        {
            return term.Id;
        }

        Report(Problems.UnknownTerm(At(column), column, vocabulary, value.ToString()));
        return null;
    }

    /// <summary>
    /// A date written <c>YYYY-MM-DD</c>, as <c>DateOnly.TryParseExact(text, "yyyy-MM-dd")</c>
    /// reads it, without its format machinery: this runs for every row of the largest files.
    /// </summary>
    internal static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A number with an optional sign and decimal point; whole numbers of up to nine digits take a short path.</summary>
    internal static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        if (text.Length <= 9 && TryDigits(text, out var whole))
        {
            value = whole;
            return true;
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private string? Missing(string column, bool required)
    {
        if (required)
        {
            Report(Problems.Required(At(column), column));
        }

        return null;
    }

    /// <summary>
    /// The column's index in the row, or -1. Loaders pass the same literal names row after row, so
    /// the names seen are remembered by reference and found without hashing.
    /// </summary>
    private int IndexOf(string column)
    {
        for (var i = 0; i < _cached; i++)
        {
            if (ReferenceEquals(_cachedNames[i], column))
            {
                return _cachedIndexes[i];
            }
        }

        var index = _columns.TryGetValue(column, out var found) ? found : -1;
        if (_cached < _cachedNames.Length)
        {
            _cachedNames[_cached] = column;
            _cachedIndexes[_cached++] = index;
        }

        return index;
    }
}

/// <summary>The ids a roster declared, found by a span of a row without making a string of it.</summary>
internal sealed class IdSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public IdSet(IReadOnlySet<string> ids)
    {
        var set = ids as HashSet<string> is { } hashSet && hashSet.Comparer.Equals(StringComparer.Ordinal)
            ? hashSet
            : new HashSet<string>(ids, StringComparer.Ordinal);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The id's own string, or null when the roster does not declare it.</summary>
    public string? Find(ReadOnlySpan<char> id) => _lookup.TryGetValue(id, out var actual) ? actual : null;
}
