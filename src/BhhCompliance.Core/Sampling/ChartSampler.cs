using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Sampling;

/// <summary>How the population is divided before the draw.</summary>
public enum SampleStratification
{
    /// <summary>One stratum: every enrollee of the population.</summary>
    None,

    /// <summary>Three strata by length of enrolment on the as-of date: up to 90, 91 to 180, over 180 days.</summary>
    EnrolmentLength,
}

/// <summary>
/// What to draw: <paramref name="Size"/> charts for review, and <paramref name="Oversample"/>
/// alternates beyond them to replace charts that turn out to be unreviewable.
/// </summary>
public sealed record SampleRequest(int Size, ulong Seed, SampleStratification StratifyBy = SampleStratification.None, int Oversample = 0);

/// <summary>One stratum of a drawn sample: its population, its sampled ids (sorted) and its alternates (in draw order).</summary>
public sealed record SampleStratum(string Name, int Population, IReadOnlyList<string> Sampled, IReadOnlyList<string> Alternates);

/// <summary>
/// A drawn chart sample. <see cref="Selected"/> is sorted by enrollee id (ordinal), as
/// chart-sample.csv lists it; <see cref="Alternates"/> are in the order a reviewer uses them,
/// stratum by stratum and within each stratum in draw order.
/// </summary>
public sealed record ChartSample(
    ulong Seed,
    int SizeRequested,
    int OversampleRequested,
    SampleStratification StratifyBy,
    int Population,
    IReadOnlyList<string> Selected,
    IReadOnlyList<string> Alternates,
    IReadOnlyList<SampleStratum> Strata)
{
    /// <summary>The size asked for is not less than the population, so every enrollee is in the sample.</summary>
    public bool IsWholePopulation => SizeRequested >= Population;
}

/// <summary>
/// Draws a reproducible random sample of enrollee charts for a chart review. The same
/// enrollees, review dates and request always give the same sample, on every platform; the
/// algorithm, named <see cref="Algorithm"/>, is simple enough to re-implement from this comment:
/// <list type="number">
/// <item><b>Population.</b> Every enrollee enrolled on at least one day of the review period
/// (<c>enrolled_on &lt;= period_end</c>, and <c>disenrolled_on</c> empty or <c>&gt;= period_start</c>),
/// sorted by <c>enrollee_id</c> in ordinal order (UTF-16 code units; plain byte order for ASCII
/// ids). Sorting first means the row order of enrollees.csv never changes the sample.</item>
/// <item><b>Strata.</b> Unstratified, the population is one stratum, index 0. Stratified by
/// enrolment length, an enrollee's length is the number of days from <c>enrolled_on</c> to the
/// earlier of <c>as_of</c> and <c>disenrolled_on</c> (<c>as_of - enrolled_on</c> for a current
/// enrollee); stratum 0 is "up to 90 days" (length &lt;= 90, including enrollees who start after
/// <c>as_of</c>), 1 is "91 to 180 days", 2 is "over 180 days". Each stratum keeps the sorted order.</item>
/// <item><b>Allocation.</b> The sample size <c>t = min(size, N)</c> is split over the strata by
/// largest remainder: stratum h of N_h enrollees first gets <c>floor(t * N_h / N)</c>; the charts
/// left over go one each to the strata with the largest remainders <c>(t * N_h) mod N</c>, ties to the
/// lower index. Then, when <c>t</c> is at least the number of non-empty strata, each non-empty
/// stratum left with none takes one chart (in index order) from the stratum with the largest
/// allocation (ties to the lower index). The alternates, <c>min(oversample, N - t)</c>, are
/// allocated the same way over what each stratum has left, <c>N_h - s_h</c>.</item>
/// <item><b>Generator.</b> Stratum h draws from <c>SplitMix64.ForStream(seed, h)</c>: the state
/// starts at <c>mix(seed XOR mix(h * 0x9E3779B97F4A7C15))</c>; each draw adds
/// <c>0x9E3779B97F4A7C15</c> to the state and returns <c>mix(state)</c>, where <c>mix(z)</c> is
/// <c>z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt; 27; z *= 0x94D049BB133111EB; z ^= z &gt;&gt; 31</c>
/// (all arithmetic wrapping, unsigned 64-bit). <c>Below(b)</c> draws until the value x is
/// <c>&gt;= (2^64 - b) mod b</c> and returns <c>x mod b</c>, so there is no modulo bias.</item>
/// <item><b>Draw.</b> A partial Fisher–Yates shuffle of the stratum's sorted ids <c>a[0..N_h)</c>: for
/// <c>i = 0 .. k - 1</c>, with <c>k = s_h + alternates_h</c>, let <c>j = i + Below(N_h - i)</c> and swap
/// <c>a[i]</c> and <c>a[j]</c> (a draw is made even when <c>N_h - i</c> is 1). <c>a[0..s_h)</c> is the
/// stratum's sample and <c>a[s_h..k)</c> its alternates in draw order. Because the alternates continue
/// the same shuffle, asking for alternates never changes the sample.</item>
/// </list>
/// The sample is the union of the strata's samples, sorted by id; the alternates are listed
/// stratum by stratum, each in draw order. No IO and no clock: the seed comes from the caller.
/// </summary>
public static class ChartSampler
{
    /// <summary>The versioned name of the algorithm above; a change to any step needs a new version.</summary>
    public const string Algorithm = "splitmix64-fisher-yates/1";

    /// <summary>The name of the one stratum of an unstratified sample.</summary>
    public const string AllEnrollees = "all enrollees";

    /// <summary>
    /// The longest enrolment, in days, of the first stratum. CHART-ASSESSMENT and CHART-RECOVERY-PLAN
    /// look at the first 30 days of enrolment, so new enrollees are where they are decided.
    /// </summary>
    public const int NewEnrolmentDays = 90;

    /// <summary>
    /// The longest enrolment, in days, of the second stratum: CHART-PLAN-REVIEW applies only to
    /// enrollees enrolled more than 180 days (its <c>interval_days</c>, rules.md).
    /// </summary>
    public const int PlanReviewDays = 180;

    /// <summary>The strata of <see cref="SampleStratification.EnrolmentLength"/>, in index order.</summary>
    public static IReadOnlyList<string> EnrolmentLengthStrata { get; } = ["up to 90 days", "91 to 180 days", "over 180 days"];

    /// <summary>
    /// The algorithm in plain text, for the record kept beside a sample (the steps of this class's
    /// documentation, without markup).
    /// </summary>
    public static IReadOnlyList<string> AlgorithmSteps { get; } =
    [
        "1. Population: enrollees with enrolled_on <= period_end and (disenrolled_on empty or >= period_start),",
        "   sorted by enrollee_id in ordinal order (UTF-16 code units; byte order for ASCII ids).",
        "2. Strata: unstratified, one stratum (index 0). By enrolment-length, length = days from enrolled_on",
        "   to the earlier of as_of and disenrolled_on; stratum 0 'up to 90 days' (length <= 90),",
        "   1 '91 to 180 days', 2 'over 180 days'. Each stratum keeps the sorted order.",
        "3. Allocation: t = min(size, N). Stratum h (N_h enrollees) gets floor(t * N_h / N); the rest go one",
        "   each to the largest remainders (t * N_h) mod N, ties to the lower index. When t >= the number",
        "   of non-empty strata, each non-empty stratum with none takes one (in index order) from the",
        "   stratum with the largest allocation (ties to the lower index). Alternates, min(oversample, N - t),",
        "   are allocated the same way over N_h - s_h.",
        "4. Generator: stratum h uses SplitMix64.ForStream(seed, h): state = mix(seed ^ mix(h * G)),",
        "   G = 0x9E3779B97F4A7C15; next() = mix(state += G); mix(z) = z ^= z >> 30; z *= 0xBF58476D1CE4E5B9;",
        "   z ^= z >> 27; z *= 0x94D049BB133111EB; z ^= z >> 31 (wrapping unsigned 64-bit).",
        "   Below(b): x = next() until x >= (2^64 - b) mod b; return x mod b.",
        "5. Draw: partial Fisher-Yates over the stratum's sorted ids a: for i = 0 .. k - 1 (k = sample +",
        "   alternates of the stratum), j = i + Below(N_h - i), swap a[i] and a[j]. a[0..s_h) is the sample,",
        "   the rest up to k the alternates in draw order.",
        "6. The sample is the union over strata, sorted by id; alternates are listed stratum by stratum.",
    ];

    /// <summary>Draws from the snapshot's enrollees.csv.</summary>
    /// <exception cref="ArgumentException">The snapshot has no enrollees.csv.</exception>
    public static ChartSample Draw(Snapshot snapshot, SampleRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var enrollees = snapshot.Enrollees
            ?? throw new ArgumentException("The snapshot has no enrollees.csv to sample from.", nameof(snapshot));
        return Draw(enrollees.Rows, snapshot.Review, request);
    }

    /// <summary>Draws the sample described in the class comment.</summary>
    public static ChartSample Draw(IReadOnlyList<Enrollee> enrollees, ReviewInfo review, SampleRequest request)
    {
        ArgumentNullException.ThrowIfNull(enrollees);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Size, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.Oversample, nameof(request));

        var population = Population(enrollees, review.Period);
        var (names, strata) = Stratify(population, review.AsOf, request.StratifyBy);
        var counts = strata.Select(s => s.Count).ToArray();

        var sizes = Allocate(Math.Min(request.Size, population.Count), counts);
        var left = counts.Select((count, h) => count - sizes[h]).ToArray();
        var extras = Allocate(Math.Min(request.Oversample, left.Sum()), left);

        var drawn = new List<SampleStratum>();
        for (var h = 0; h < strata.Count; h++)
        {
            var shuffled = Shuffle(strata[h], sizes[h] + extras[h], SplitMix64.ForStream(request.Seed, (ulong)h));
            drawn.Add(new SampleStratum(
                names[h],
                strata[h].Count,
                [.. shuffled.Take(sizes[h]).Order(StringComparer.Ordinal)],
                [.. shuffled.Skip(sizes[h])]));
        }

        return new ChartSample(
            request.Seed,
            request.Size,
            request.Oversample,
            request.StratifyBy,
            population.Count,
            [.. drawn.SelectMany(s => s.Sampled).Order(StringComparer.Ordinal)],
            [.. drawn.SelectMany(s => s.Alternates)],
            drawn);
    }

    /// <summary>The enrollees enrolled on at least one day of the period, sorted by id (ordinal).</summary>
    /// <exception cref="ArgumentException">Two enrollees have the same id, so no order is defined between them.</exception>
    public static IReadOnlyList<Enrollee> Population(IReadOnlyList<Enrollee> enrollees, ReviewPeriod period)
    {
        ArgumentNullException.ThrowIfNull(enrollees);
        ArgumentNullException.ThrowIfNull(period);
        var population = enrollees.Where(e => e.IsEnrolledDuring(period)).OrderBy(e => e.EnrolleeId, StringComparer.Ordinal).ToList();
        for (var i = 1; i < population.Count; i++)
        {
            if (string.Equals(population[i - 1].EnrolleeId, population[i].EnrolleeId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The enrollee id '{population[i].EnrolleeId}' occurs twice.", nameof(enrollees));
            }
        }

        return population;
    }

    /// <summary>Days from <c>enrolled_on</c> to the earlier of <paramref name="asOf"/> and <c>disenrolled_on</c>; negative when enrolment starts after <paramref name="asOf"/>.</summary>
    public static int EnrolmentLengthDays(Enrollee enrollee, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(enrollee);
        var end = enrollee.DisenrolledOn is { } last && last < asOf ? last : asOf;
        return end.DayNumber - enrollee.EnrolledOn.DayNumber;
    }

    /// <summary>The index in <see cref="EnrolmentLengthStrata"/> of an enrollee's stratum.</summary>
    public static int EnrolmentLengthStratum(Enrollee enrollee, DateOnly asOf) => EnrolmentLengthDays(enrollee, asOf) switch
    {
        <= NewEnrolmentDays => 0,
        <= PlanReviewDays => 1,
        _ => 2,
    };

    /// <summary>
    /// Splits <paramref name="total"/> (capped at the sum of <paramref name="populations"/>) over
    /// strata in proportion to their populations, by largest remainder with ties to the earlier
    /// stratum, and then gives each non-empty stratum at least one when the total allows it.
    /// Integer arithmetic only, so every platform agrees.
    /// </summary>
    public static int[] Allocate(int total, IReadOnlyList<int> populations)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var strata = populations.Count;
        var allocation = new int[strata];
        var sum = populations.Sum(p => (long)p);
        if (sum == 0)
        {
            return allocation;
        }

        total = (int)Math.Min(total, sum);
        var remainders = new long[strata];
        var given = 0;
        for (var h = 0; h < strata; h++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(populations[h], nameof(populations));
            var share = (long)total * populations[h];
            allocation[h] = (int)(share / sum);
            remainders[h] = share % sum;
            given += allocation[h];
        }

        // OrderBy is stable, so equal remainders keep index order: ties go to the earlier stratum.
        foreach (var h in Enumerable.Range(0, strata).OrderByDescending(h => remainders[h]).Take(total - given))
        {
            allocation[h]++;
        }

        var nonEmpty = populations.Count(p => p > 0);
        if (total >= nonEmpty)
        {
            for (var h = 0; h < strata; h++)
            {
                if (populations[h] > 0 && allocation[h] == 0)
                {
                    // A stratum with at least two exists: the total is at least the number of
                    // non-empty strata and this one has none.
                    var donor = Enumerable.Range(0, strata).MaxBy(d => (allocation[d], -d));
                    allocation[donor]--;
                    allocation[h]++;
                }
            }
        }

        return allocation;
    }

    private static (IReadOnlyList<string> Names, List<List<string>> Strata) Stratify(
        IReadOnlyList<Enrollee> population, DateOnly asOf, SampleStratification stratifyBy)
    {
        switch (stratifyBy)
        {
            case SampleStratification.None:
                return ([AllEnrollees], [[.. population.Select(e => e.EnrolleeId)]]);

            case SampleStratification.EnrolmentLength:
                var strata = EnrolmentLengthStrata.Select(_ => new List<string>()).ToList();
                foreach (var enrollee in population)
                {
                    strata[EnrolmentLengthStratum(enrollee, asOf)].Add(enrollee.EnrolleeId);
                }

                return (EnrolmentLengthStrata, strata);

            default:
                throw new ArgumentOutOfRangeException(nameof(stratifyBy), stratifyBy, "Unknown stratification.");
        }
    }

    /// <summary>The first <paramref name="steps"/> positions of a partial Fisher–Yates shuffle of <paramref name="ids"/>, in draw order.</summary>
    private static List<string> Shuffle(List<string> ids, int steps, SplitMix64 random)
    {
        var items = ids.ToArray();
        for (var i = 0; i < steps; i++)
        {
            var j = i + random.Below(items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return [.. items.Take(steps)];
    }
}
