using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>
/// What every chart criterion shares (rules.md, "Chart review"): each chart under review is met,
/// not met or not applicable; the finding is about the agency, with the charts the criterion
/// applied to, how many met it and the rate, graded against <c>min_rate</c>; each chart not met is
/// a detail row with the reason. A kind only decides one chart.
/// </summary>
public abstract class ChartCriterionKind : RuleKind
{
    /// <summary>rules.md: a criterion passes when its rate is at least <c>min_rate</c> (0.80 in the shipped rules).</summary>
    protected static ParameterSpec MinRate { get; } =
        new("min_rate", ParameterType.Decimal, "rate of charts met at or above which the criterion passes") { Minimum = 0, Maximum = 1 };

    protected static ParameterSpec Events(string name, string description) =>
        new(name, ParameterType.TextList, description) { Vocabulary = BhhProgram.ChartEvents };

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["charts", "met", "rate"];

    public override IReadOnlyList<string> TemplateFields { get; } = ["not_met", "not_applicable", "reviewed", "answered"];

    public override SnapshotParts Requires => SnapshotParts.Enrollees | SnapshotParts.Charts | SnapshotParts.ChartEvents;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var checks = Check(rule, context);
        var applied = checks.Count(c => c.Verdict is ChartVerdict.Met or ChartVerdict.NotMet);
        var met = checks.Count(c => c.Verdict == ChartVerdict.Met);
        var evidence = new Evidence
        {
            ["charts"] = applied,
            ["met"] = met,
            ["rate"] = applied == 0 ? EvidenceValue.None : met / (decimal)applied,
        };
        var result = RuleResult.ForAgency(Grade(rule, checks, applied, met), evidence) with
        {
            Charts = checks,
            Details = [.. checks.Where(c => c.Verdict == ChartVerdict.NotMet).Select(c => Detail(c, context))],
            TemplateValues = new Dictionary<string, object?>
            {
                ["not_met"] = (decimal)(applied - met),
                ["not_applicable"] = (decimal)checks.Count(c => c.Verdict == ChartVerdict.NotApplicable),
                ["reviewed"] = (decimal)checks.Count,
                ["answered"] = (decimal)checks.Count(c => c.Verdict != ChartVerdict.NotReviewed),
            },
        };
        AddEvidence(result.Evidence, checks);
        yield return applied == 0 && result.Outcome == Outcome.NotApplicable
            ? result with { Reason = Wording.NoChartApplies(checks.Count) }
            : result;
    }

    /// <summary>The criterion's result for every chart under review.</summary>
    protected virtual List<ChartCheck> Check(RuleDefinition rule, AuditContext context) =>
        [.. context.ReviewedCharts.Select(chart => Check(rule, chart, context))];

    /// <summary>The criterion's result for one chart.</summary>
    protected abstract ChartCheck Check(RuleDefinition rule, ReviewedChart chart, AuditContext context);

    /// <summary>Evidence beyond charts, met and rate.</summary>
    protected virtual void AddEvidence(Evidence evidence, IReadOnlyList<ChartCheck> checks)
    {
    }

    protected virtual Outcome Grade(RuleDefinition rule, IReadOnlyList<ChartCheck> checks, int applied, int met) =>
        applied == 0 ? Outcome.NotApplicable : PassUnless(met < rule.Parameters.Decimal("min_rate") * applied);

    protected virtual DetailRow Detail(ChartCheck check, AuditContext context) => new(
        new Evidence
        {
            ["enrollee_id"] = check.EnrolleeId,
            ["due"] = check.Due,
            ["days_late"] = (decimal?)check.DaysLate,
            ["reason"] = check.Reason,
        },
        check.Source);

    protected static string Named(IEnumerable<string> events) =>
        string.Join(" or ", events.Select(BhhProgram.ChartEvents.NameOf));
}

/// <summary>A chart has at least one of the listed events, whenever it is dated (CHART-TEAM-ASSIGNED).</summary>
public sealed class ChartEventExistsKind : ChartCriterionKind
{
    public override string Name => "chart-event-exists";

    public override string Description => "Each chart under review has at least one of the listed events.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } = [Events("events", "the chart events of which one must exist"), MinRate];

    protected override ChartCheck Check(RuleDefinition rule, ReviewedChart chart, AuditContext context)
    {
        var events = rule.Parameters.TextList("events");
        return chart.EventsNamed(events).FirstOrDefault() is { } found
            ? new(chart.EnrolleeId, ChartVerdict.Met, $"{BhhProgram.ChartEvents.NameOf(found.Event)} on {Formats.Date(found.Date)}", found.Source)
            : new(chart.EnrolleeId, ChartVerdict.NotMet, $"no {Named(events)} event in the chart", chart.Source);
    }
}

/// <summary>
/// Event B within N days after each event A dated in the period (CHART-DISCHARGE-FOLLOW-UP,
/// CHART-REFERRAL-CONFIRMED): "within N days after" is 0 to N days after. A chart with no event
/// A in the period is not applicable. An event A whose window is still open on the as-of date,
/// and has no event B yet, is not counted either way.
/// </summary>
public sealed class ChartEventFollowsKind : ChartCriterionKind
{
    public override string Name => "chart-event-follows";

    public override string Description => "Each listed trigger event dated in the period is followed by one of the response events within within_days days.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        Events("trigger", "the events, dated in the period, that need a response"),
        Events("events", "the response events"),
        new("within_days", ParameterType.Integer, "days after the trigger by which a response is due (0 is the same day)") { Minimum = 0 },
        MinRate,
    ];

    protected override ChartCheck Check(RuleDefinition rule, ReviewedChart chart, AuditContext context)
    {
        var triggerNames = rule.Parameters.TextList("trigger");
        var responseNames = rule.Parameters.TextList("events");
        var within = rule.Parameters.Integer("within_days");
        var triggers = chart.EventsNamed(triggerNames).Where(e => context.Period.Contains(e.Date)).ToList();
        if (triggers.Count == 0)
        {
            return new(chart.EnrolleeId, ChartVerdict.NotApplicable, $"no {Named(triggerNames)} dated in the period", chart.Source);
        }

        var responses = chart.EventsNamed(responseNames).ToList();
        var met = new List<string>();
        var open = new List<string>();
        var missed = new List<(ChartEvent Trigger, DateOnly Due, ChartEvent? Late)>();
        foreach (var trigger in triggers)
        {
            var due = trigger.Date.AddDays(within);
            var next = responses.FirstOrDefault(r => r.Date >= trigger.Date);
            var what = $"{BhhProgram.ChartEvents.NameOf(trigger.Event)} on {Formats.Date(trigger.Date)}";
            if (next is not null && next.Date <= due)
            {
                met.Add($"{what} followed by {BhhProgram.ChartEvents.NameOf(next.Event)} on {Formats.Date(next.Date)}");
            }
            else if (next is null && due > context.AsOf)
            {
                open.Add($"{what}: the {within}-day window runs to {Formats.Date(due)}, after the review date");
            }
            else
            {
                missed.Add((trigger, due, next));
            }
        }

        if (missed.Count > 0)
        {
            var (trigger, due, late) = missed[0];
            return new(chart.EnrolleeId, ChartVerdict.NotMet, string.Join("; ", missed.Select(m => Missed(m.Trigger, m.Due, m.Late, responseNames, within))), trigger.Source)
            {
                Due = due,
                DaysLate = late is null ? null : late.Date.DayNumber - due.DayNumber,
            };
        }

        return met.Count > 0
            ? new(chart.EnrolleeId, ChartVerdict.Met, string.Join("; ", met), triggers[0].Source)
            : new(chart.EnrolleeId, ChartVerdict.NotApplicable, string.Join("; ", open), triggers[0].Source);
    }

    private static string Missed(ChartEvent trigger, DateOnly due, ChartEvent? late, IReadOnlyList<string> responses, int within)
    {
        var after = $"{ChartVerdicts.Days(within)} after the {BhhProgram.ChartEvents.NameOf(trigger.Event)} on {Formats.Date(trigger.Date)}, by {Formats.Date(due)}";
        return late is null
            ? $"no {Named(responses)} within {after}"
            : $"{BhhProgram.ChartEvents.NameOf(late.Event)} on {Formats.Date(late.Date)} is {ChartVerdicts.Days(late.Date.DayNumber - due.DayNumber)} late (due within {after})";
    }
}

/// <summary>
/// One of the listed events dated in a window measured from an anchor date: the enrolment, the
/// first service record, or the review's as-of date. The window is one of
/// <list type="bullet">
/// <item><c>within_days</c> N: from the anchor to N days after it (CHART-ASSESSMENT, CHART-RECOVERY-PLAN);
/// not applicable while that window is still open on the as-of date and has no event yet;</item>
/// <item><c>interval_days</c> N: the N days up to the anchor, for charts enrolled more than N days
/// before it, and not applicable to the others (CHART-PLAN-REVIEW);</item>
/// <item>neither: on or before the anchor (CHART-CONSENT); not applicable when the anchor is absent
/// (an enrollee with no service record).</item>
/// </list>
/// </summary>
public sealed class ChartEventInWindowKind : ChartCriterionKind
{
    private const string EnrolledOn = "enrolled_on";
    private const string FirstService = "first_service";
    private const string AsOf = "as_of";

    public override string Name => "chart-event-in-window";

    public override string Description => "One of the listed events is dated within a window measured from enrolment, the first service or the as-of date.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        Events("events", "the chart events of which one must fall in the window"),
        new("anchor", ParameterType.Text, "the date the window is measured from") { Vocabulary = BhhProgram.ChartAnchors },
        new("within_days", ParameterType.Integer, "the window runs from the anchor to this many days after it") { Required = false, Minimum = 0 },
        new("interval_days", ParameterType.Integer, "the window is this many days up to the anchor, for charts enrolled longer than that") { Required = false, Minimum = 0 },
        MinRate,
    ];

    public override SnapshotParts RequiresFor(RuleDefinition rule) =>
        Anchor(rule) == FirstService ? Requires | SnapshotParts.Services : Requires;

    public override string? CheckParameters(ParameterValues values)
    {
        var within = values.Find("within_days") is not null;
        var interval = values.Find("interval_days") is not null;
        var anchor = values.Find("anchor") is string text ? BhhProgram.ChartAnchors.Find(text)?.Id : null;
        return (within, interval, anchor) switch
        {
            (true, true, _) => "Give 'within_days' (a window after the anchor) or 'interval_days' (a window up to the anchor), not both.",
            (true, false, AsOf) => "'within_days' counts days after the anchor, and nothing after the as-of date is in the snapshot; use another anchor, or 'interval_days'.",
            (false, true, not AsOf and not null) => "'interval_days' looks back from the as-of date over charts enrolled longer than that; use it with anchor: as_of.",
            _ => null,
        };
    }

    protected override ChartCheck Check(RuleDefinition rule, ReviewedChart chart, AuditContext context)
    {
        var names = rule.Parameters.TextList("events");
        var events = chart.EventsNamed(names).ToList();
        var anchorName = Anchor(rule);
        DateOnly? anchorDate = anchorName switch
        {
            EnrolledOn => chart.Enrollee.EnrolledOn,
            // Like chart events, a service after the as-of date is not in the snapshot's picture.
            FirstService => context.Services.FirstServiceDate(chart.EnrolleeId) is { } first && first <= context.AsOf ? first : null,
            _ => context.AsOf,
        };
        if (anchorDate is not { } anchor)
        {
            return new(chart.EnrolleeId, ChartVerdict.NotApplicable, $"no service record dated on or before the review date {Formats.Date(context.AsOf)}", chart.Source);
        }

        var from = $"{BhhProgram.ChartAnchors.NameOf(anchorName)} on {Formats.Date(anchor)}";
        if (rule.Parameters.Find("within_days") is not null)
        {
            return After(chart, events, names, anchor, rule.Parameters.Integer("within_days"), from, context.AsOf);
        }

        if (rule.Parameters.Find("interval_days") is not null)
        {
            return UpTo(chart, events, names, anchor, rule.Parameters.Integer("interval_days"), from);
        }

        return OnOrBefore(chart, events, names, anchor, from);
    }

    private static string Anchor(RuleDefinition rule) => BhhProgram.ChartAnchors.Find(rule.Parameters.Text("anchor"))!.Id;

    private static ChartCheck After(ReviewedChart chart, List<ChartEvent> events, IReadOnlyList<string> names, DateOnly anchor, int within, string from, DateOnly asOf)
    {
        var due = anchor.AddDays(within);
        var window = $"within {ChartVerdicts.Days(within)} after {from}, by {Formats.Date(due)}";
        if (events.FirstOrDefault(e => e.Date >= anchor && e.Date <= due) is { } found)
        {
            return new(chart.EnrolleeId, ChartVerdict.Met, $"{Describe(found)}, {ChartVerdicts.Days(found.Date.DayNumber - anchor.DayNumber)} after {from}", found.Source);
        }

        var late = events.FirstOrDefault(e => e.Date > due);
        if (late is null && due > asOf)
        {
            return new(chart.EnrolleeId, ChartVerdict.NotApplicable, $"the window for {Named(names)} is still open on the review date (due by {Formats.Date(due)})", chart.Source);
        }

        if (late is not null)
        {
            var days = late.Date.DayNumber - due.DayNumber;
            return new(chart.EnrolleeId, ChartVerdict.NotMet, $"{Describe(late)} is {ChartVerdicts.Days(days)} late (due {window})", late.Source) { Due = due, DaysLate = days };
        }

        var before = events.LastOrDefault(e => e.Date < anchor);
        var reason = before is null
            ? $"no {Named(names)} {window}"
            : $"no {Named(names)} {window}; the latest, {Describe(before)}, is before {from}";
        return new(chart.EnrolleeId, ChartVerdict.NotMet, reason, before?.Source ?? chart.Source) { Due = due };
    }

    private static ChartCheck UpTo(ReviewedChart chart, List<ChartEvent> events, IReadOnlyList<string> names, DateOnly anchor, int interval, string from)
    {
        var opens = anchor.AddDays(-interval);
        var enrolledOn = chart.Enrollee.EnrolledOn;
        if (enrolledOn >= opens)
        {
            return new(chart.EnrolleeId, ChartVerdict.NotApplicable, $"enrolled on {Formats.Date(enrolledOn)}, not more than {ChartVerdicts.Days(interval)} before {from}", chart.Enrollee.Source);
        }

        var window = $"in the {ChartVerdicts.Days(interval)} up to {from} (from {Formats.Date(opens)})";
        if (events.LastOrDefault(e => e.Date >= opens && e.Date <= anchor) is { } found)
        {
            return new(chart.EnrolleeId, ChartVerdict.Met, $"{Describe(found)}, {window}", found.Source);
        }

        if (events.LastOrDefault(e => e.Date < opens) is { } last)
        {
            var due = last.Date.AddDays(interval);
            var days = opens.DayNumber - last.Date.DayNumber;
            return new(chart.EnrolleeId, ChartVerdict.NotMet, $"no {Named(names)} {window}; the latest, {Describe(last)}, was due again by {Formats.Date(due)} and is {ChartVerdicts.Days(days)} overdue", last.Source)
            {
                Due = due,
                DaysLate = days,
            };
        }

        return new(chart.EnrolleeId, ChartVerdict.NotMet, $"no {Named(names)} {window}, and none before it", chart.Source) { Due = anchor };
    }

    private static ChartCheck OnOrBefore(ReviewedChart chart, List<ChartEvent> events, IReadOnlyList<string> names, DateOnly anchor, string from)
    {
        if (events.FirstOrDefault(e => e.Date <= anchor) is { } found)
        {
            return new(chart.EnrolleeId, ChartVerdict.Met, $"{Describe(found)}, on or before {from}", found.Source);
        }

        if (events.FirstOrDefault() is { } late)
        {
            var days = late.Date.DayNumber - anchor.DayNumber;
            return new(chart.EnrolleeId, ChartVerdict.NotMet, $"{Describe(late)} is {ChartVerdicts.Days(days)} after {from}", late.Source) { Due = anchor, DaysLate = days };
        }

        return new(chart.EnrolleeId, ChartVerdict.NotMet, $"no {Named(names)} on or before {from}", chart.Source) { Due = anchor };
    }

    private static string Describe(ChartEvent e) => $"{BhhProgram.ChartEvents.NameOf(e.Event)} on {Formats.Date(e.Date)}";
}

/// <summary>
/// A manual criterion (CHART-PERSON-CENTERED): a reviewer's answer in attestations.csv for the
/// chart and the rule id. A chart nobody answered is not reviewed, and is left out of
/// <c>charts</c>; the finding is not reviewed when no chart was answered.
/// </summary>
public sealed class ChartAttestationKind : ChartCriterionKind
{
    public override string Name => "chart-attestation";

    public override string Description => "A reviewer attests, chart by chart, in attestations.csv.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } = [MinRate];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["charts", "met", "rate", "not_reviewed"];

    public override SnapshotParts Requires => SnapshotParts.Enrollees | SnapshotParts.Charts;

    public override bool TakesAttestations => true;

    protected override List<ChartCheck> Check(RuleDefinition rule, AuditContext context)
    {
        var answers = (context.Snapshot.Attestations?.Rows ?? [])
            .Where(a => string.Equals(a.Criterion, rule.Id, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(a => a.EnrolleeId, StringComparer.Ordinal);
        return [.. context.ReviewedCharts.Select(chart => answers.TryGetValue(chart.EnrolleeId, out var answer)
            ? new ChartCheck(chart.EnrolleeId, ChartVerdicts.FromAnswer(answer.Answer), Answered(answer), answer.Source) { Attestation = answer }
            : new ChartCheck(chart.EnrolleeId, ChartVerdict.NotReviewed, $"no answer for {rule.Id} in attestations.csv", chart.Source))];
    }

    protected override ChartCheck Check(RuleDefinition rule, ReviewedChart chart, AuditContext context) =>
        throw new InvalidOperationException("Answers are looked up for all charts at once.");

    protected override void AddEvidence(Evidence evidence, IReadOnlyList<ChartCheck> checks) =>
        evidence["not_reviewed"] = checks.Count(c => c.Verdict == ChartVerdict.NotReviewed);

    protected override Outcome Grade(RuleDefinition rule, IReadOnlyList<ChartCheck> checks, int applied, int met) =>
        checks.Count > 0 && checks.All(c => c.Verdict == ChartVerdict.NotReviewed)
            ? Outcome.NotReviewed
            : base.Grade(rule, checks, applied, met);

    protected override DetailRow Detail(ChartCheck check, AuditContext context) => new(
        new Evidence
        {
            ["enrollee_id"] = check.EnrolleeId,
            ["reviewer"] = check.Attestation?.Reviewer,
            ["date"] = check.Attestation?.Date,
            ["comment"] = check.Attestation?.Comment,
            ["reason"] = check.Reason,
        },
        check.Source);

    private static string Answered(Attestation answer)
    {
        var by = answer.Reviewer is { Length: > 0 } reviewer ? $" by {reviewer}" : string.Empty;
        var on = answer.Date is { } date ? $" on {Formats.Date(date)}" : string.Empty;
        var comment = answer.Comment is { Length: > 0 } text ? $": {text}" : string.Empty;
        return $"answered {BhhProgram.AttestationAnswers.NameOf(answer.Answer)}{by}{on}{comment}";
    }
}
