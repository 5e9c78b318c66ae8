using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>The colours of verdicts shared by the findings report, the worksheet and the statewide summary.</summary>
public sealed class VerdictInkTests
{
    [Theory]
    [InlineData(Determination.Certified, Outcome.Pass)]
    [InlineData(Determination.Conditional, Outcome.Warn)]
    [InlineData(Determination.NotCertified, Outcome.Fail)]
    public void Of_Determination_IsTheColourOfTheOutcomeItStandsFor(Determination determination, Outcome outcome) =>
        Assert.Equal(VerdictInk.Of(outcome), VerdictInk.Of(determination));

    [Fact]
    public void Of_Outcome_TellsPassWarnFailAndWaivedApart()
    {
        Outcome[] outcomes = [Outcome.Pass, Outcome.Warn, Outcome.Fail, Outcome.Waived, Outcome.NotReviewed];

        Assert.Equal(outcomes.Length, outcomes.Select(VerdictInk.Of).Distinct().Count());
        Assert.Equal(VerdictInk.Of(Outcome.Fail), VerdictInk.Of(Outcome.Error));
        Assert.All([Outcome.NotApplicable, Outcome.CannotEvaluate], o => Assert.Equal(VerdictInk.Neutral, VerdictInk.Of(o)));
    }

    [Fact]
    public void Tint_IsATenthOfTheWayFromWhite()
    {
        Assert.Equal(new Ink(248, 233, 232), VerdictInk.Fail.Tint());
        Assert.Equal(new Ink(230, 230, 230), new Ink(0, 0, 0).Tint());
        Assert.Equal(Ink.White, Ink.White.Tint());
    }
}
