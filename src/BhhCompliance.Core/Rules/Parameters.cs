using System.Globalization;
using BhhCompliance.Core.Domain;

namespace BhhCompliance.Core.Rules;

public enum ParameterType
{
    Decimal,
    Integer,
    Text,
    TextList,
}

/// <summary>
/// A parameter a rule kind accepts. The rule set's YAML supplies its value; the kind declares
/// its type, whether it is required, its range and, for ids, the vocabulary it must come from.
/// </summary>
public sealed record ParameterSpec(string Name, ParameterType Type, string Description)
{
    public bool Required { get; init; } = true;

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    /// <summary>For text and lists of text: the ids allowed, or null for free text.</summary>
    public Vocabulary? Vocabulary { get; init; }

    public string TypeName => Type switch
    {
        ParameterType.Decimal => "a number",
        ParameterType.Integer => "a whole number",
        ParameterType.Text => "a text value",
        ParameterType.TextList => "a list of text values",
        _ => Type.ToString(),
    };

    /// <summary>Checks a typed value against range and vocabulary; returns the problem, or null.</summary>
    public string? Check(object value)
    {
        switch (value)
        {
            case decimal number:
                if (Minimum is { } min && number < min)
                {
                    return $"'{Name}' must be at least {min.ToString(CultureInfo.InvariantCulture)}, got {number.ToString(CultureInfo.InvariantCulture)}.";
                }

                if (Maximum is { } max && number > max)
                {
                    return $"'{Name}' must be at most {max.ToString(CultureInfo.InvariantCulture)}, got {number.ToString(CultureInfo.InvariantCulture)}.";
                }

                return null;

            case string text:
                return CheckTerm(text);

            case IReadOnlyList<string> list:
                return list.Select(CheckTerm).FirstOrDefault(p => p is not null)
                    ?? (list.Count == 0 ? $"'{Name}' must list at least one value." : null);

            default:
                return null;
        }
    }

    private string? CheckTerm(string text)
    {
        if (text.Length == 0)
        {
            return $"'{Name}' must not be empty.";
        }

        return Vocabulary is { } vocabulary && !vocabulary.Contains(text)
            ? $"'{text}' is not a known {vocabulary.Description}. Known: {string.Join(", ", vocabulary.Ids)}."
            : null;
    }
}

/// <summary>A rule's parameter values, typed and checked against its kind when the rule set loaded.</summary>
public sealed class ParameterValues
{
    private readonly IReadOnlyDictionary<string, object> _values;

    public ParameterValues(IReadOnlyDictionary<string, object> values) => _values = values;

    public static ParameterValues None { get; } = new(new Dictionary<string, object>());

    public IEnumerable<KeyValuePair<string, object>> All => _values.OrderBy(v => v.Key, StringComparer.Ordinal);

    /// <summary>The value of <paramref name="name"/>, or null when the rule does not give it.</summary>
    public object? Find(string name) => _values.GetValueOrDefault(name);

    public decimal Decimal(string name) => (decimal)Get(name);

    public int Integer(string name) => (int)(decimal)Get(name);

    public string Text(string name) => (string)Get(name);

    public IReadOnlyList<string> TextList(string name) => (IReadOnlyList<string>)Get(name);

    public decimal? OptionalDecimal(string name) => _values.TryGetValue(name, out var v) ? (decimal)v : null;

    public IReadOnlyList<string>? OptionalTextList(string name) =>
        _values.TryGetValue(name, out var v) ? (IReadOnlyList<string>)v : null;

    private object Get(string name) => _values.TryGetValue(name, out var value)
        ? value
        : throw new InvalidOperationException($"The rule has no parameter '{name}'.");
}
