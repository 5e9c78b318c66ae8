using System.Globalization;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Sampling;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Sampling;

public sealed class ChartSamplerTests
{
    private static readonly ReviewInfo Review = new("chart-audit", Day("2026-09-30"), new ReviewPeriod(Day("2026-04-01"), Day("2026-09-30")));

    [Fact]
    public void Draw_Seed42_TenEnrollees_GivesTheHandTracedSampleAndAlternates()
    {
        // Derived by tracing splitmix64-fisher-yates/1 step by step in an independent Python
        // re-implementation (arbitrary-precision integers; it reproduces SplitMix64's published
        // seed-0 outputs), and checked by hand where the arithmetic allows. ForStream(42, 0)
        // starts at state 0xA759EA27D4727622; over the ids sorted E01..E10:
        //   i=0: x=0x989B3F130A063869, x mod 10 = 1 (odd; hex digit sum 101 = 1 mod 5) -> j=1, swap E01/E02
        //   i=1: x=0x290DB4BF2570DED7, x mod 9 = 3  -> j=4, swap E01/E05
        //   i=2: x=0x2A990BE63A01B2D5, x mod 8 = 5  -> j=7, swap E03/E08
        //   i=3: x=0x0C4B6B24EF01890E, x mod 7 = 3  -> j=6, swap E04/E07  (first alternate)
        //   i=4: x=0xFB16A06E52EC10A7, x mod 6 = 3  -> j=7, swap E01/E03  (second alternate)
        // Draw order E02, E05, E08 | E07, E03.
        var enrollees = Enumerable.Range(1, 10).Select(n => Current(Id("E", n))).ToList();

        var sample = ChartSampler.Draw(enrollees, Review, new SampleRequest(3, 42, Oversample: 2));

        Assert.Equal(["E02", "E05", "E08"], sample.Selected);
        Assert.Equal(["E07", "E03"], sample.Alternates);
        Assert.Equal(10, sample.Population);
        Assert.False(sample.IsWholePopulation);
        var stratum = Assert.Single(sample.Strata);
        Assert.Equal(ChartSampler.AllEnrollees, stratum.Name);
    }

    [Fact]
    public void Draw_Seed7_StratifiedByEnrolmentLength_GivesTheTracedSampleAndAlternates()
    {
        // 4 new (N, 60 days), 3 middle (M, 152 days) and 8 long (L, since 2025) enrollees; size 5
        // and 2 alternates. Allocation by largest remainder: 5 * (4, 3, 8) / 15 = 1.33, 1, 2.67 ->
        // floors 1, 1, 2 and the fifth chart to the largest remainder (stratum 2): 1, 1, 3.
        // Alternates over what is left (3, 2, 5): 0.6, 0.4, 1 -> 0, 0, 1, then stratum 0: 1, 0, 1.
        // Traced as in the test above; stratum 1 by hand: ForStream(7, 1) first draws
        // x=0x7B39ACA7052047DA, whose hex digit sum 110 gives x mod 3 = 2 -> swap M01/M03.
        //   stratum 0: x mod 4 = 3 (last hex digit F) -> N04 sampled; x mod 3 = 1 -> N03 alternate
        //   stratum 2: 2 -> L03, 0 -> L02, 4 -> L07 sampled; 3 -> L01 alternate
        var enrollees = new List<Enrollee>();
        enrollees.AddRange(Enumerable.Range(1, 4).Select(n => Current(Id("N", n), "2026-08-01")));
        enrollees.AddRange(Enumerable.Range(1, 3).Select(n => Current(Id("M", n), "2026-05-01")));
        enrollees.AddRange(Enumerable.Range(1, 8).Select(n => Current(Id("L", n), "2025-01-01")));

        var sample = ChartSampler.Draw(enrollees, Review, new SampleRequest(5, 7, SampleStratification.EnrolmentLength, Oversample: 2));

        Assert.Equal(["L02", "L03", "L07", "M03", "N04"], sample.Selected);
        Assert.Equal(["N03", "L01"], sample.Alternates);
        Assert.Equal(["up to 90 days", "91 to 180 days", "over 180 days"], sample.Strata.Select(s => s.Name));
        Assert.Equal([4, 3, 8], sample.Strata.Select(s => s.Population));
        Assert.Equal([1, 1, 3], sample.Strata.Select(s => s.Sampled.Count));
        Assert.Equal([1, 0, 1], sample.Strata.Select(s => s.Alternates.Count));
    }

    [Fact]
    public void Draw_SameSeedTwice_GivesTheSameSampleAndAlternates()
    {
        var enrollees = Roll(300);
        var request = new SampleRequest(30, 20260930, SampleStratification.EnrolmentLength, Oversample: 5);

        var first = ChartSampler.Draw(enrollees, Review, request);
        var second = ChartSampler.Draw(enrollees, Review, request);

        Assert.Equal(first.Selected, second.Selected);
        Assert.Equal(first.Alternates, second.Alternates);
    }

    [Theory]
    [InlineData(SampleStratification.None)]
    [InlineData(SampleStratification.EnrolmentLength)]
    public void Draw_RowOrderOfTheInput_DoesNotChangeTheSample(SampleStratification stratifyBy)
    {
        var enrollees = Roll(120);
        var request = new SampleRequest(12, 99, stratifyBy, Oversample: 4);
        var shuffled = enrollees.OrderBy(e => new string([.. e.EnrolleeId.Reverse()]), StringComparer.Ordinal).ToList();
        Assert.NotEqual(enrollees.Select(e => e.EnrolleeId), shuffled.Select(e => e.EnrolleeId));

        var inOrder = ChartSampler.Draw(enrollees, Review, request);
        var reversed = ChartSampler.Draw([.. Enumerable.Reverse(enrollees)], Review, request);
        var mixed = ChartSampler.Draw(shuffled, Review, request);

        Assert.Equal(inOrder.Selected, reversed.Selected);
        Assert.Equal(inOrder.Alternates, reversed.Alternates);
        Assert.Equal(inOrder.Selected, mixed.Selected);
        Assert.Equal(inOrder.Alternates, mixed.Alternates);
    }

    [Theory]
    [InlineData(SampleStratification.None, 10)]
    [InlineData(SampleStratification.None, 25)]
    [InlineData(SampleStratification.EnrolmentLength, 10)]
    [InlineData(SampleStratification.EnrolmentLength, 1000)]
    public void Draw_SizeAtLeastThePopulation_ReturnsEveryoneAndNoAlternates(SampleStratification stratifyBy, int size)
    {
        var enrollees = Roll(10);

        var sample = ChartSampler.Draw(enrollees, Review, new SampleRequest(size, 3, stratifyBy, Oversample: 5));

        Assert.True(sample.IsWholePopulation);
        Assert.Equal(enrollees.Select(e => e.EnrolleeId).Order(StringComparer.Ordinal), sample.Selected);
        Assert.Empty(sample.Alternates);
    }

    [Fact]
    public void Draw_SizeOneBelowThePopulation_IsNotTheWholePopulation()
    {
        var sample = ChartSampler.Draw(Roll(10), Review, new SampleRequest(9, 3));

        Assert.False(sample.IsWholePopulation);
        Assert.Equal(9, sample.Selected.Count);
    }

    [Fact]
    public void Draw_Stratified_SampledCountsFollowTheAllocationAndSumToTheSize()
    {
        var enrollees = Roll(300);
        var sample = ChartSampler.Draw(enrollees, Review, new SampleRequest(31, 5, SampleStratification.EnrolmentLength, Oversample: 7));

        var populations = sample.Strata.Select(s => s.Population).ToArray();
        Assert.Equal(300, populations.Sum());
        Assert.All(populations, p => Assert.True(p > 0));
        Assert.Equal(ChartSampler.Allocate(31, populations), sample.Strata.Select(s => s.Sampled.Count));
        Assert.Equal(31, sample.Selected.Count);
        Assert.Equal(7, sample.Alternates.Count);
        foreach (var stratum in sample.Strata)
        {
            // Proportional: within one chart of the stratum's exact share.
            Assert.InRange(stratum.Sampled.Count * 300, (stratum.Population * 31) - 300, (stratum.Population * 31) + 300);
            Assert.All(stratum.Sampled.Concat(stratum.Alternates), id => Assert.Equal(
                stratum.Name,
                ChartSampler.EnrolmentLengthStrata[ChartSampler.EnrolmentLengthStratum(enrollees.Single(e => e.EnrolleeId == id), Review.AsOf)]));
        }
    }

    [Fact]
    public void Draw_FewNewEnrollees_StillSamplesOneOfThem()
    {
        // 2 of 100 are new: their proportional share of 10 is 0.2, but the stratum gets one chart.
        var enrollees = new List<Enrollee> { Current("NEW1", "2026-09-01"), Current("NEW2", "2026-09-15") };
        enrollees.AddRange(Enumerable.Range(1, 98).Select(n => Current(Id("L", n), "2024-01-01")));

        var sample = ChartSampler.Draw(enrollees, Review, new SampleRequest(10, 11, SampleStratification.EnrolmentLength));

        Assert.Equal([1, 0, 9], sample.Strata.Select(s => s.Sampled.Count));
        Assert.Single(sample.Selected, id => id.StartsWith("NEW", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SampleStratification.None)]
    [InlineData(SampleStratification.EnrolmentLength)]
    public void Draw_Alternates_AreDistinctAndDisjointFromTheSample(SampleStratification stratifyBy)
    {
        var sample = ChartSampler.Draw(Roll(200), Review, new SampleRequest(20, 8, stratifyBy, Oversample: 15));

        Assert.Equal(15, sample.Alternates.Count);
        Assert.Equal(15, sample.Alternates.Distinct().Count());
        Assert.Empty(sample.Alternates.Intersect(sample.Selected));
    }

    [Fact]
    public void Draw_MoreAlternatesThanRemain_GivesEveryoneLeft()
    {
        var sample = ChartSampler.Draw(Roll(10), Review, new SampleRequest(6, 8, Oversample: 50));

        Assert.Equal(4, sample.Alternates.Count);
        Assert.Equal(Roll(10).Select(e => e.EnrolleeId).Order(StringComparer.Ordinal), sample.Selected.Concat(sample.Alternates).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(SampleStratification.None)]
    [InlineData(SampleStratification.EnrolmentLength)]
    public void Draw_AskingForAlternates_DoesNotChangeTheSample(SampleStratification stratifyBy)
    {
        var enrollees = Roll(150);

        var without = ChartSampler.Draw(enrollees, Review, new SampleRequest(15, 21, stratifyBy));
        var with = ChartSampler.Draw(enrollees, Review, new SampleRequest(15, 21, stratifyBy, Oversample: 6));

        Assert.Equal(without.Selected, with.Selected);
        Assert.Empty(without.Alternates);
    }

    [Fact]
    public void Draw_DifferentSeeds_GiveDifferentSamples()
    {
        var enrollees = Roll(200);

        var samples = Enumerable.Range(1, 10)
            .Select(seed => string.Join(",", ChartSampler.Draw(enrollees, Review, new SampleRequest(20, (ulong)seed)).Selected))
            .ToList();

        Assert.Equal(10, samples.Distinct().Count());
    }

    [Fact]
    public void Draw_ExtremeSeeds_AreAccepted()
    {
        var low = ChartSampler.Draw(Roll(50), Review, new SampleRequest(5, 0));
        var high = ChartSampler.Draw(Roll(50), Review, new SampleRequest(5, ulong.MaxValue));

        Assert.Equal(5, low.Selected.Count);
        Assert.NotEqual(low.Selected, high.Selected);
    }

    [Fact]
    public void Population_EnrolmentEdges_KeepsThoseEnrolledOnAtLeastOneDayOfThePeriod()
    {
        var enrollees = new List<Enrollee>
        {
            Enrollee("LEFT-DAY-BEFORE", "2025-01-01", "2026-03-31"),
            Enrollee("LEFT-FIRST-DAY", "2025-01-01", "2026-04-01"),
            Enrollee("JOINED-LAST-DAY", "2026-09-30", null),
            Enrollee("JOINED-DAY-AFTER", "2026-10-01", null),
            Enrollee("INSIDE", "2026-05-01", "2026-06-30"),
        };

        var population = ChartSampler.Population(enrollees, Review.Period);

        Assert.Equal(["INSIDE", "JOINED-LAST-DAY", "LEFT-FIRST-DAY"], population.Select(e => e.EnrolleeId));
    }

    [Fact]
    public void Draw_NotEnrolledInThePeriod_IsNeverSampled()
    {
        var enrollees = new List<Enrollee> { Enrollee("GONE", "2025-01-01", "2026-03-31"), Enrollee("FUTURE", "2026-10-01", null) };
        enrollees.AddRange(Roll(3));

        var sample = ChartSampler.Draw(enrollees, Review, new SampleRequest(10, 1, Oversample: 3));

        Assert.Equal(3, sample.Population);
        Assert.True(sample.IsWholePopulation);
        Assert.DoesNotContain("GONE", sample.Selected);
        Assert.DoesNotContain("FUTURE", sample.Selected);
    }

    [Fact]
    public void Population_OrdinalOrder_PutsUpperCaseBeforeLowerCase()
    {
        var population = ChartSampler.Population([Current("b1"), Current("B2"), Current("a3"), Current("A4")], Review.Period);

        Assert.Equal(["A4", "B2", "a3", "b1"], population.Select(e => e.EnrolleeId));
    }

    [Fact]
    public void Population_DuplicateId_Throws() =>
        Assert.Throws<ArgumentException>(() => ChartSampler.Population([Current("E1"), Current("E1")], Review.Period));

    [Theory]
    [InlineData("2026-07-02", null, 0)] // 90 days before as_of
    [InlineData("2026-07-01", null, 1)] // 91 days
    [InlineData("2026-04-03", null, 1)] // 180 days
    [InlineData("2026-04-02", null, 2)] // 181 days: CHART-PLAN-REVIEW applies
    [InlineData("2026-10-15", null, 0)] // starts after as_of
    [InlineData("2026-01-01", "2026-03-31", 0)] // 89 days to disenrolment, though 272 to as_of
    [InlineData("2025-06-01", "2026-05-01", 2)] // 334 days to disenrolment
    public void EnrolmentLengthStratum_CountsDaysToTheEarlierOfAsOfAndDisenrolment(string enrolledOn, string? disenrolledOn, int expected) =>
        Assert.Equal(expected, ChartSampler.EnrolmentLengthStratum(Enrollee("E1", enrolledOn, disenrolledOn), Review.AsOf));

    [Theory]
    [InlineData(7, new[] { 10, 30, 60 }, new[] { 1, 2, 4 })] // 0.7, 2.1, 4.2: the remainder .7 wins
    [InlineData(10, new[] { 10, 30, 60 }, new[] { 1, 3, 6 })] // exact
    [InlineData(10, new[] { 2, 8, 90 }, new[] { 1, 1, 8 })] // 0.2, 0.8, 9 -> 0, 1, 9, then one for stratum 0 from stratum 2
    [InlineData(1, new[] { 5, 5 }, new[] { 1, 0 })] // a tie goes to the earlier stratum; one chart cannot cover two strata
    [InlineData(3, new[] { 5, 5 }, new[] { 2, 1 })] // tie again
    [InlineData(2, new[] { 5, 0, 5 }, new[] { 1, 0, 1 })] // an empty stratum gets nothing
    [InlineData(2, new[] { 1, 1, 98 }, new[] { 0, 0, 2 })] // fewer charts than non-empty strata: no minimum
    [InlineData(3, new[] { 1, 1, 98 }, new[] { 1, 1, 1 })] // minimum one each, both taken from stratum 2
    [InlineData(50, new[] { 3, 4, 5 }, new[] { 3, 4, 5 })] // more than the population: everyone
    [InlineData(5, new[] { 0, 0, 0 }, new[] { 0, 0, 0 })]
    public void Allocate_LargestRemainderWithOnePerStratum(int total, int[] populations, int[] expected) =>
        Assert.Equal(expected, ChartSampler.Allocate(total, populations));

    [Fact]
    public void Allocate_AnyPopulations_SumsToTheSizeStaysWithinEachStratumAndCoversEveryStratum() =>
        Prop.ForAll(
            (from populations in Gen.Choose(0, 400).ArrayOf(3)
             from total in Gen.Choose(0, 450)
             select (populations, total)).ToArbitrary(),
            c =>
            {
                var (populations, total) = c;
                var allocation = ChartSampler.Allocate(total, populations);
                var population = populations.Sum();
                var nonEmpty = populations.Count(p => p > 0);
                var capped = Math.Min(total, population);
                var withinStrata = allocation.Zip(populations).All(p => p.First >= 0 && p.First <= p.Second);
                var covered = capped < nonEmpty || allocation.Zip(populations).All(p => p.Second == 0 || p.First >= 1);

                // Without the one-per-stratum adjustment (every non-empty stratum's floor share is at
                // least one), each allocation is its exact share rounded down or up.
                var unadjusted = populations.All(p => p == 0 || (long)capped * p >= population);
                var proportional = !unadjusted || allocation.Zip(populations).All(p =>
                    (long)p.First * population > ((long)capped * p.Second) - population
                    && (long)p.First * population < ((long)capped * p.Second) + population);
                return allocation.Sum() == capped && withinStrata && covered && proportional;
            }).CheckThrowOnFailure(2000);

    [Fact]
    public void Draw_SizeZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartSampler.Draw(Roll(5), Review, new SampleRequest(0, 1)));

    [Fact]
    public void Draw_SnapshotWithoutEnrollees_Throws()
    {
        var snapshot = new Snapshot(new AgencyProfile("A", null, null, null), Review, 10, null, null, null, null, null);

        Assert.Throws<ArgumentException>(() => ChartSampler.Draw(snapshot, new SampleRequest(1, 1)));
    }

    /// <summary>
    /// <paramref name="count"/> current enrollees whose enrolment lengths cycle through the three
    /// strata (a third new, a third in the middle, a third long), in id order.
    /// </summary>
    private static List<Enrollee> Roll(int count) =>
    [
        .. Enumerable.Range(1, count).Select(n => Current(Id("R", n), (n % 3) switch
        {
            0 => "2026-08-15",
            1 => "2026-05-01",
            _ => "2024-02-01",
        })),
    ];

    private static string Id(string prefix, int n) => prefix + n.ToString("00", CultureInfo.InvariantCulture);

    private static Enrollee Current(string id, string enrolledOn = "2025-01-01") => Enrollee(id, enrolledOn, null);

    private static Enrollee Enrollee(string id, string enrolledOn, string? disenrolledOn) =>
        new(id, Day(enrolledOn), disenrolledOn is null ? null : Day(disenrolledOn), new SourceLine(SnapshotFile.Enrollees, 2));
}
