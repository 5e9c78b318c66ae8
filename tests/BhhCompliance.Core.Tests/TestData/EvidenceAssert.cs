using BhhCompliance.Core.Findings;

namespace BhhCompliance.Core.Tests.TestData;

/// <summary>Assertions on evidence and detail rows, by key, with the exact value type the contract gives.</summary>
internal static class EvidenceAssert
{
    public static void Keys(Evidence evidence, params string[] keys) => Assert.Equal(keys, evidence.Keys);

    public static void Number(Evidence evidence, string key, decimal expected)
    {
        var value = Assert.IsType<EvidenceValue.Number>(Get(evidence, key));
        Assert.Equal(expected, value.Value);
    }

    public static void Text(Evidence evidence, string key, string expected)
    {
        var value = Assert.IsType<EvidenceValue.Text>(Get(evidence, key));
        Assert.Equal(expected, value.Value);
    }

    public static void List(Evidence evidence, string key, params string[] expected)
    {
        var value = Assert.IsType<EvidenceValue.TextList>(Get(evidence, key));
        Assert.Equal(expected, value.Items);
    }

    public static void None(Evidence evidence, string key) => Assert.IsType<EvidenceValue.NoValue>(Get(evidence, key));

    /// <summary>A detail row's source as findings.json writes it: <c>file:line</c>.</summary>
    public static void Source(DetailRow row, string expected) => Assert.Equal(expected, row.Source.ToString());

    private static EvidenceValue Get(Evidence evidence, string key)
    {
        Assert.True(evidence.TryGetValue(key, out var value), $"Evidence has no '{key}'; it has: {string.Join(", ", evidence.Keys)}.");
        return value;
    }
}
