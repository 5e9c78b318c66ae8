using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Snapshots;

public sealed class SnapshotTests
{
    [Fact]
    public void Parts_OnlyAgencyYaml_IsNone() => Assert.Equal(SnapshotParts.None, new SnapshotBuilder().Build().Parts);

    [Fact]
    public void Parts_DeclaredCensusWithoutEnrollees_IsTheCensusOnly() =>
        Assert.Equal(SnapshotParts.Census, new SnapshotBuilder().DeclaredCensus(812).Build().Parts);

    [Fact]
    public void Parts_EnrolleesFile_GivesTheCensusToo() =>
        Assert.Equal(SnapshotParts.Enrollees | SnapshotParts.Census, new SnapshotBuilder().WithEnrolleesFile().Build().Parts);

    [Fact]
    public void Parts_EveryFile_IsEveryPart()
    {
        var snapshot = new SnapshotBuilder().WithStaffFile().WithEnrolleesFile().WithServicesFile().WithPcTrackerFile().WithClaimsFile().Build();

        Assert.Equal(
            SnapshotParts.Staff | SnapshotParts.Enrollees | SnapshotParts.Services | SnapshotParts.PcTracker | SnapshotParts.Claims | SnapshotParts.Census,
            snapshot.Parts);
    }

    [Theory]
    [InlineData(SnapshotParts.Staff, "staff.csv")]
    [InlineData(SnapshotParts.PcTracker, "pc-tracker.csv (or pc-tracker.xlsx)")]
    [InlineData(SnapshotParts.Census, "enrollees.csv (or enrollment.census in agency.yaml)")]
    public void Describe_NamesTheFileAUserWouldAdd(SnapshotParts part, string expected) => Assert.Equal(expected, SnapshotFile.Describe(part));

    [Fact]
    public void SourceLine_PrintsFileColonLine() => Assert.Equal("services.csv:1234", new SourceLine("services.csv", 1234).ToString());
}
