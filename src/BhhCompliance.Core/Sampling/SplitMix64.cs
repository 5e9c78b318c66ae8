namespace BhhCompliance.Core.Sampling;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014; the seeding generator of xoshiro and of Java's SplittableRandom).
/// </summary>
/// <remarks>
/// Samples must be byte-identical on every OS and .NET version, and <see cref="Random"/> does not
/// promise that: its algorithm is unspecified and has changed between releases. SplitMix64 is
/// fully specified by three lines of wrapping 64-bit integer arithmetic, so any implementation
/// gives the same sequence; it accepts any seed (0 included), passes BigCrush, and needs no
/// floating point. Every draw here is an integer; chances are integer fractions, never doubles.
/// </remarks>
public sealed class SplitMix64
{
    private const ulong Golden = 0x9E3779B97F4A7C15;

    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>
    /// A generator for one part of the snapshot, independent of the draws of every other part, so
    /// that changing how one file is generated does not reshuffle the others.
    /// </summary>
    public static SplitMix64 ForStream(ulong seed, ulong stream) => new(Mix(seed ^ Mix(stream * Golden)));

    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    public int Below(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var n = (ulong)bound;

        // Draws below 2^64 mod n would make small results likelier; reject them.
        var threshold = (0UL - n) % n;
        while (true)
        {
            var x = NextUInt64();
            if (x >= threshold)
            {
                return (int)(x % n);
            }
        }
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>], both inclusive.</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True with probability <paramref name="perTenThousand"/> / 10,000.</summary>
    public bool Chance(int perTenThousand) => Below(10_000) < perTenThousand;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>A uniform day in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    public DateOnly Day(DateOnly first, DateOnly last) => first.AddDays(Below(last.DayNumber - first.DayNumber + 1));

    /// <summary>Picks an item with probability proportional to its weight.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, int Weight)> items)
    {
        var total = 0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }

        var draw = Below(total);
        foreach (var (item, weight) in items)
        {
            if (draw < weight)
            {
                return item;
            }

            draw -= weight;
        }

        throw new InvalidOperationException("Unreachable: the draw is below the total weight.");
    }

    /// <summary><paramref name="count"/> distinct indices in [0, <paramref name="bound"/>), in draw order.</summary>
    public List<int> Distinct(int count, int bound, Func<int, bool>? eligible = null)
    {
        var chosen = new List<int>();
        var seen = new HashSet<int>();
        var attempts = 0;
        while (chosen.Count < count && attempts++ < (count + 1) * 1000)
        {
            var index = Below(bound);
            if ((eligible is null || eligible(index)) && seen.Add(index))
            {
                chosen.Add(index);
            }
        }

        return chosen;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
