namespace BhhCompliance.Core.Snapshots;

public static class SnapshotExtensions
{
    /// <summary>The snapshot as of another review date (<c>--as-of</c>); the period is unchanged.</summary>
    public static Snapshot AsOf(this Snapshot snapshot, DateOnly asOf) =>
        snapshot with { Review = snapshot.Review with { AsOf = asOf } };
}
