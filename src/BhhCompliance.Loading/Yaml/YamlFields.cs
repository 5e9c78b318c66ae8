using System.Globalization;
using BhhCompliance.Core.Diagnostics;

namespace BhhCompliance.Loading.Yaml;

/// <summary>
/// Reads the fields of one YAML mapping strictly: each read names a key it knows, wrong types
/// and missing required keys are reported where they are, repeated keys are reported, and
/// <see cref="ReportUnknownKeys"/> reports every key nobody asked for.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMapping _mapping;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _where;
    private readonly Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];

    public YamlFields(YamlMapping mapping, string file, DiagnosticBag diagnostics, string where)
    {
        _mapping = mapping;
        _file = file;
        _diagnostics = diagnostics;
        _where = where;
        foreach (var entry in mapping.Entries)
        {
            if (_entries.TryGetValue(entry.Key.Value, out var first))
            {
                diagnostics.Add(Problems.DuplicateKey(entry.Key.At(file), entry.Key.Value, first.Key.Line));
            }
            else
            {
                _entries.Add(entry.Key.Value, entry);
            }
        }
    }

    /// <summary>Reads <paramref name="node"/> as a mapping, or reports that it is not one.</summary>
    /// <param name="node">The node, or null when absent.</param>
    /// <param name="file">The file, for diagnostics.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="where">What the mapping is, for messages: "a rule", "the review section".</param>
    /// <param name="key">The key whose value it is, or null for a whole file.</param>
    public static YamlFields? Of(YamlNode? node, string file, DiagnosticBag diagnostics, string where, string? key)
    {
        switch (node)
        {
            case YamlMapping mapping:
                return new YamlFields(mapping, file, diagnostics, where);
            case null or YamlInvalid:
                return null;
            case var other when key is null:
                diagnostics.Add(Problems.FileNotMapping(other.At(file), other.Describe()));
                return null;
            default:
                diagnostics.Add(Problems.WrongType(node.At(file), key, "a mapping of keys to values", node.Describe()));
                return null;
        }
    }

    public string File => _file;

    public DiagnosticBag Diagnostics => _diagnostics;

    public SourceLocation Location => _mapping.At(_file);

    /// <summary>The node under <paramref name="key"/>, or null (reported when required).</summary>
    public YamlNode? Node(string key, bool required = false)
    {
        _known.Add(key);
        if (_entries.TryGetValue(key, out var entry) && entry.Value is YamlInvalid)
        {
            return null;
        }

        if (entry.Value is not null and not YamlScalar { IsNull: true })
        {
            return entry.Value;
        }

        if (required)
        {
            _diagnostics.Add(Problems.MissingKey(entry.Key?.At(_file) ?? Location, key, _where));
        }

        return null;
    }

    /// <summary>Where <paramref name="key"/> is written, when the mapping has it, even with an empty value.</summary>
    public SourceLocation? KeyLocation(string key) =>
        _entries.TryGetValue(key, out var entry) ? entry.Key.At(_file) : null;

    /// <summary>A non-empty text value: a plain or quoted scalar.</summary>
    public string? Text(string key, bool required = false) => AsText(Node(key, required), key);

    public YamlScalar? Scalar(string key, bool required = false)
    {
        var node = Node(key, required);
        return AsText(node, key) is null ? null : (YamlScalar)node!;
    }

    public decimal? Decimal(string key, bool required = false) => AsDecimal(Node(key, required), key);

    public int? Integer(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        ReportNotANumber(node, key, "a whole number");
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar
            && DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report(node, key, "a date (YYYY-MM-DD)");
        return null;
    }

    /// <summary>A yes/no value: <c>true</c> or <c>false</c> (YAML's booleans; <c>yes</c> and <c>no</c> too).</summary>
    public bool? Boolean(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar)
        {
            switch (scalar.Value.Trim().ToLowerInvariant())
            {
                case "true" or "yes":
                    return true;
                case "false" or "no":
                    return false;
            }
        }

        Report(node, key, "true or false");
        return null;
    }

    public IReadOnlyList<YamlNode>? Sequence(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequence sequence)
        {
            return sequence.Items;
        }

        Report(node, key, "a list");
        return null;
    }

    public YamlFields? Mapping(string key, string where, bool required = false) =>
        Of(Node(key, required), _file, _diagnostics, where, key);

    public string? AsText(YamlNode? node, string key)
    {
        if (node is null or YamlInvalid)
        {
            return null;
        }

        if (node is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            return scalar.Value;
        }

        Report(node, key, "non-empty text");
        return null;
    }

    public decimal? AsDecimal(YamlNode? node, string key)
    {
        if (node is null or YamlInvalid)
        {
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar && ParseNumber(scalar.Value) is { } value)
        {
            return value;
        }

        ReportNotANumber(node, key, "a number");
        return null;
    }

    /// <summary>Reports every key that no read asked for, with <paramref name="report"/>, or as an error.</summary>
    public void ReportUnknownKeys(Func<SourceLocation, string, string, IEnumerable<string>, Diagnostic>? report = null)
    {
        report ??= Problems.UnknownKey;
        foreach (var (key, _) in _mapping.Entries)
        {
            if (!_known.Contains(key.Value))
            {
                _diagnostics.Add(report(key.At(_file), key.Value, _where, _known.Distinct()));
            }
        }
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>A number written in quotes is text to YAML; say so, since it looks like a number.</summary>
    private void ReportNotANumber(YamlNode node, string key, string expected)
    {
        if (node is YamlScalar { IsPlain: false } quoted && ParseNumber(quoted.Value) is not null)
        {
            _diagnostics.Add(Problems.QuotedNumber(node.At(_file), key, quoted.Value));
        }
        else
        {
            Report(node, key, expected);
        }
    }

    private void Report(YamlNode node, string key, string expected) =>
        _diagnostics.Add(Problems.WrongType(node.At(_file), key, expected, node.Describe()));
}
