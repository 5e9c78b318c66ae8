namespace BhhCompliance.Loading.Tables;

/// <summary>The columns of one snapshot file (snapshot.md); required columns must be in the header.</summary>
internal sealed record TableSchema(IReadOnlyList<(string Name, bool Required)> Columns)
{
    public static TableSchema Of(params string[] columns) =>
        new([.. columns.Select(c => c.EndsWith('*') ? (c[..^1], true) : (c, false))]);

    public bool Knows(string column) => Columns.Any(c => c.Name == column);
}
