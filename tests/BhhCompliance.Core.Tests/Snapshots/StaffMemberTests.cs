using BhhCompliance.Core.Snapshots;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Snapshots;

public sealed class StaffMemberTests
{
    [Theory]
    [InlineData("2026-01-01", null, true)]
    [InlineData("2026-09-30", null, true)]
    [InlineData("2026-10-01", null, false)]
    [InlineData("2026-01-01", "2026-09-30", true)]
    [InlineData("2026-01-01", "2026-09-29", false)]
    [InlineData("2026-09-30", "2026-09-30", true)]
    [InlineData("2026-01-01", "2026-10-01", true)]
    public void IsActiveOn_StartAndEndDateInclusive(string startDate, string? endDate, bool expected)
    {
        var member = new StaffMember(
            "S1", "Ana Ruiz", "director", 1m, null, null, null, null, null,
            Day(startDate), endDate is null ? null : Day(endDate), new SourceLine(SnapshotFile.Staff, 2));

        Assert.Equal(expected, member.IsActiveOn(Day("2026-09-30")));
    }

    [Theory]
    [InlineData("Ana Ruiz", "Ana Ruiz")]
    [InlineData("", "S1")]
    [InlineData(null, "S1")]
    public void DisplayName_FallsBackToTheStaffId(string? name, string expected)
    {
        var member = new StaffMember("S1", name, "director", 1m, null, null, null, null, null, Day("2020-01-01"), null, default);

        Assert.Equal(expected, member.DisplayName);
    }
}
