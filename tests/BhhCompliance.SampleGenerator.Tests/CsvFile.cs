using System.Text;

namespace BhhCompliance.SampleGenerator.Tests;

/// <summary>
/// A generated CSV file read back by its header names (RFC 4180 quotes, LF records), so the tests
/// check the files as written, independently of the snapshot loader.
/// </summary>
internal sealed class CsvFile
{
    private readonly Dictionary<string, int> _columns;

    private CsvFile(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Header = header;
        Rows = rows;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public static CsvFile Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        return new CsvFile(records[0], records.Skip(1).ToList());
    }

    public string Field(string[] row, string column) => row[_columns[column]];

    public DateOnly Date(string[] row, string column) => DateOnly.ParseExact(Field(row, column), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly? OptionalDate(string[] row, string column) => Field(row, column).Length == 0 ? null : Date(row, column);

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }
}
