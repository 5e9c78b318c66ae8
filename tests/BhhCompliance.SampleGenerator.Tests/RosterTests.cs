namespace BhhCompliance.SampleGenerator.Tests;

public sealed class RosterTests
{
    [Theory]
    [InlineData(95)]
    [InlineData(91)]
    public void TargetFte_CoverageMeantToWarn_StaysWithinTheTolerance(int coverage)
    {
        // rules.md: pass at required FTE or more, warn down to 10% below it, fail further below.
        var staffing = new RoleStaffing("nurse-care-manager", 200, coverage, MinimumFte: 0, MinimumHeadcount: 1, Leavers: 0);
        for (var census = 100; census <= 5_000; census++)
        {
            var fte = Roster.TargetFte(staffing, census);

            Assert.True(fte * 200L < census * 100L, $"census {census}: {fte} hundredths meets 1:200 and would pass");
            Assert.True(fte * 200L >= census * 90L, $"census {census}: {fte} hundredths is below the tolerance and would fail");
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(108)]
    public void TargetFte_FullCoverage_MeetsTheRatio(int coverage)
    {
        var staffing = new RoleStaffing("peer-recovery-specialist", 50, coverage, MinimumFte: 0, MinimumHeadcount: 1, Leavers: 0);
        for (var census = 1; census <= 5_000; census++)
        {
            Assert.True(Roster.TargetFte(staffing, census) * 50L >= census * 100L, $"census {census}");
        }
    }

    [Fact]
    public void Split_FewPostsButAMinimumHeadcount_KeepsTheTotalAndTheHeadcount()
    {
        var random = new SplitMix64(3);

        var posts = Roster.Split(190, 4, random);

        Assert.Equal(190, posts.Sum());
        Assert.True(posts.Count >= 4, string.Join(", ", posts));
        Assert.All(posts, p => Assert.InRange(p, 5, 100));
    }
}
