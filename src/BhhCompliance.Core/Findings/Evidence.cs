using System.Collections;
using System.Globalization;
using BhhCompliance.Core.Domain;

namespace BhhCompliance.Core.Findings;

/// <summary>
/// One value of evidence or of a detail row. Numbers stay exact decimals here; renderers round
/// them to two places, half away from zero, only when they show them.
/// </summary>
public abstract record EvidenceValue
{
    public static EvidenceValue None { get; } = new NoValue();

    public static implicit operator EvidenceValue(decimal value) => new Number(value);

    public static implicit operator EvidenceValue(int value) => new Number(value);

    public static implicit operator EvidenceValue(string? value) => value is null ? None : new Text(value);

    public static implicit operator EvidenceValue(DateOnly value) => new Text(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static implicit operator EvidenceValue(DateOnly? value) => value is { } date ? date : None;

    public static implicit operator EvidenceValue(YearMonth value) => new Text(value.ToString());

    public static implicit operator EvidenceValue(decimal? value) => value is { } number ? new Number(number) : None;

    public static EvidenceValue List(IEnumerable<string> items) => new TextList([.. items]);

    /// <summary>The value as a template sees it: decimal, string, string[] or null.</summary>
    public abstract object? ToTemplateValue();

    public sealed record Number(decimal Value) : EvidenceValue
    {
        public override object? ToTemplateValue() => Value;
    }

    public sealed record Text(string Value) : EvidenceValue
    {
        public override object? ToTemplateValue() => Value;
    }

    public sealed record TextList(IReadOnlyList<string> Items) : EvidenceValue
    {
        public override object? ToTemplateValue() => Items.ToArray();

        public bool Equals(TextList? other) => other is not null && Items.SequenceEqual(other.Items);

        public override int GetHashCode() => Items.Aggregate(0, (hash, item) => HashCode.Combine(hash, item));
    }

    public sealed record NoValue : EvidenceValue
    {
        public override object? ToTemplateValue() => null;
    }
}

/// <summary>Named values in a fixed order: the evidence of a finding, or the fields of a detail row.</summary>
public sealed class Evidence : IEnumerable<KeyValuePair<string, EvidenceValue>>
{
    private readonly List<KeyValuePair<string, EvidenceValue>> _entries = [];

    public static Evidence Empty => [];

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public EvidenceValue this[string key]
    {
        get => _entries.First(e => e.Key == key).Value;
        set
        {
            var index = _entries.FindIndex(e => e.Key == key);
            if (index >= 0)
            {
                _entries[index] = new(key, value);
            }
            else
            {
                _entries.Add(new(key, value));
            }
        }
    }

    public void Add(string key, EvidenceValue value) => this[key] = value;

    public bool TryGetValue(string key, out EvidenceValue value)
    {
        var index = _entries.FindIndex(e => e.Key == key);
        value = index >= 0 ? _entries[index].Value : EvidenceValue.None;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, EvidenceValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A row behind a finding (an unmet enrollee month, an unsubstantiated claim ...), with its source.</summary>
public sealed record DetailRow(Evidence Fields, Snapshots.SourceLine Source);
