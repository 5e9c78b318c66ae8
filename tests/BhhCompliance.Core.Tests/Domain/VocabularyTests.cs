using BhhCompliance.Core.Domain;

namespace BhhCompliance.Core.Tests.Domain;

public sealed class VocabularyTests
{
    [Fact]
    public void Roles_AreTheSevenOfTheProgramTable_InItsOrder() =>
        Assert.Equal(
            ["director", "nurse-care-manager", "bhh-specialist", "peer-recovery-specialist", "care-transition-coordinator", "admin-systems-specialist", "pc-consultant"],
            BhhProgram.Roles.Ids);

    [Fact]
    public void CoreServices_AreTheSixOfTheProgramTable_InItsOrder() =>
        Assert.Equal(
            ["care-management", "care-coordination", "health-promotion", "transitional-care", "family-support", "community-referral"],
            BhhProgram.CoreServices.Ids);

    [Fact]
    public void Find_IgnoresCaseAndSurroundingSpace()
    {
        Assert.Equal("Nurse Care Manager", BhhProgram.Roles.Find(" Nurse-Care-Manager ")?.Name);
        Assert.True(BhhProgram.CoreServices.Contains("HEALTH-PROMOTION"));
        Assert.Null(BhhProgram.Roles.Find("psychiatrist"));
    }

    [Fact]
    public void NameOf_UnknownId_IsTheIdItself() =>
        Assert.Equal("psychiatrist", BhhProgram.Roles.NameOf("psychiatrist"));

    [Fact]
    public void InDocumentedOrder_SortsByTheTable_UnknownIdsLast() =>
        Assert.Equal(
            ["director", "peer-recovery-specialist", "pc-consultant", "a-unknown", "z-unknown"],
            BhhProgram.Roles.InDocumentedOrder(["z-unknown", "pc-consultant", "a-unknown", "director", "peer-recovery-specialist"]));
}
