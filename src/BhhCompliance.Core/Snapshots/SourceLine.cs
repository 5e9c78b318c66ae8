using System.Globalization;

namespace BhhCompliance.Core.Snapshots;

/// <summary>Where a record came from: a snapshot file and its physical line (header = 1).</summary>
public readonly record struct SourceLine(string File, int Line)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");
}
