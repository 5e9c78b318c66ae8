using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Pdf;

/// <summary>
/// The colours of verdicts, the same on every PDF so that a reader learns them once: green for a
/// pass and for certified, amber for a warning and for conditional, red for a failure and for not
/// certified, blue for a waived finding, grey where there is no verdict (not reviewed, not audited).
/// </summary>
public static class VerdictInk
{
    public static readonly Ink Pass = new(0x1A, 0x7F, 0x37);
    public static readonly Ink Warn = new(0x9A, 0x67, 0x00);
    public static readonly Ink Fail = new(0xB4, 0x23, 0x18);
    public static readonly Ink Waived = new(0x1F, 0x4E, 0x8C);
    public static readonly Ink Neutral = new(0x4B, 0x55, 0x63);

    public static Ink Of(Determination determination) => determination switch
    {
        Determination.Certified => Pass,
        Determination.Conditional => Warn,
        _ => Fail,
    };

    public static Ink Of(Outcome outcome) => outcome switch
    {
        Outcome.Fail or Outcome.Error => Fail,
        Outcome.Warn => Warn,
        Outcome.Pass => Pass,
        Outcome.Waived => Waived,
        _ => Neutral,
    };
}
