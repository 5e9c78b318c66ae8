using BhhCompliance.Core.Sampling;

namespace BhhCompliance.Core.Tests.Sampling;

public sealed class SplitMix64Tests
{
    [Fact]
    public void NextUInt64_SeedZero_GivesTheReferenceSequence()
    {
        // The published SplitMix64 outputs for seed 0 (the reference C implementation by Vigna).
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
        Assert.Equal(0xF88BB8A8724C81ECUL, random.NextUInt64());
    }

    [Fact]
    public void NextUInt64_SampleSeed_GivesAFixedSequence()
    {
        var random = new SplitMix64(20260930);

        Assert.Equal(0xC9F0C16053E9B08AUL, random.NextUInt64());
        Assert.Equal(0x5C714A27558DE5A2UL, random.NextUInt64());
        Assert.Equal(0x86AFF39E8F4A089BUL, random.NextUInt64());
        Assert.Equal(0x0C2813461975E1B2UL, random.NextUInt64());
    }

    [Fact]
    public void Below_SeedZero_GivesAFixedSequenceInRange()
    {
        var random = new SplitMix64(0);

        var draws = Enumerable.Range(0, 8).Select(_ => random.Below(10)).ToArray();

        // Each is the reference output modulo 10 (no draw falls in the rejected zone for n = 10).
        Assert.Equal([5, 0, 9, 4, 7, 0, 3, 0], draws);
    }

    [Fact]
    public void ForStream_DifferentStreams_GiveDifferentSequences()
    {
        var first = SplitMix64.ForStream(1, 1);
        var second = SplitMix64.ForStream(1, 2);

        Assert.NotEqual(first.NextUInt64(), second.NextUInt64());
    }

    [Fact]
    public void Between_ManyDraws_StayInsideTheBoundsAndReachBothEnds()
    {
        var random = new SplitMix64(7);

        var draws = Enumerable.Range(0, 1000).Select(_ => random.Between(3, 6)).ToList();

        Assert.All(draws, d => Assert.InRange(d, 3, 6));
        Assert.Contains(3, draws);
        Assert.Contains(6, draws);
    }
}
