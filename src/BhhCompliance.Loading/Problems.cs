using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Waivers;

namespace BhhCompliance.Loading;

/// <summary>
/// Every diagnostic the loaders can report, one factory per failure kind, so that codes stay
/// stable and all wording lives here.
/// <list type="bullet">
/// <item>BHH10xx: any YAML file (rule files, agency.yaml): syntax and structure.</item>
/// <item>BHH11xx: rule definitions. BHH12xx: their templates. BHH13xx: profiles. BHH14xx: report templates.</item>
/// <item>BHH15xx: waiver files (bhh audit --waivers): BHH150x errors, found before evaluation; BHH152x warnings, found after it.</item>
/// <item>BHH20xx: snapshot files. BHH21xx: values. BHH22xx: ids and references. BHH23xx: warnings.</item>
/// </list>
/// </summary>
public static class Problems
{
    // YAML, any file.
    public static Diagnostic YamlSyntax(SourceLocation at, string detail) =>
        Error("BHH1001", at, $"The YAML cannot be read: {detail}");

    public static Diagnostic UnknownKey(SourceLocation at, string key, string where, IEnumerable<string> known) =>
        Error("BHH1002", at, $"Unknown key '{key}' in {where}. Known keys: {string.Join(", ", known)}.");

    public static Diagnostic MissingKey(SourceLocation at, string key, string where) =>
        Error("BHH1003", at, $"'{key}' is missing from {where}; it is required.");

    /// <param name="at">Where the value is.</param>
    /// <param name="key">The key whose value it is.</param>
    /// <param name="expected">What the value must be: "a number".</param>
    /// <param name="got">What it is, as shown to the user: "'abc'", "a list".</param>
    public static Diagnostic WrongType(SourceLocation at, string key, string expected, string got) =>
        Error("BHH1004", at, $"'{key}' must be {expected}, got {got}.");

    public static Diagnostic FileNotMapping(SourceLocation at, string got) =>
        Error("BHH1004", at, $"The file must be a mapping of keys to values, got {got}.");

    public static Diagnostic QuotedNumber(SourceLocation at, string key, string value) =>
        Error("BHH1004", at, $"'{key}' must be a number, not text: remove the quotes around \"{value}\".");

    public static Diagnostic DuplicateKey(SourceLocation at, string key, int firstLine) =>
        Error("BHH1005", at, $"The key '{key}' appears twice; the first is on line {firstLine}.");

    public static Diagnostic YamlAlias(SourceLocation at) =>
        Error("BHH1006", at, "YAML anchors and aliases are not supported; write the value out.");

    public static Diagnostic SeveralDocuments(SourceLocation at) =>
        Error("BHH1007", at, "The file holds more than one YAML document ('---'); keep one per file.");

    // Rule definitions.
    public static Diagnostic DuplicateRuleId(SourceLocation at, string id, SourceLocation first) =>
        Error("BHH1101", at, $"The rule id '{id}' is defined twice; the first is at {first}. Versions of one rule need effective_from and effective_to dates that do not overlap.");

    public static Diagnostic OverlappingVersions(SourceLocation at, string id, string these, SourceLocation other, string those) =>
        Error("BHH1112", at, $"This version of {id} ({these}) is in force on the same days as the version at {other} ({those}); versions of one rule must not overlap.");

    public static Diagnostic GapBetweenVersions(SourceLocation at, string id, DateOnly lastDay, DateOnly firstDay) =>
        Error("BHH1113", at, $"The rule set is continuous, but no version of {id} is in force {Days(lastDay.AddDays(1), firstDay.AddDays(-1))}: the previous version ends on {Date(lastDay)}.");

    private static string Days(DateOnly first, DateOnly last) => first == last ? $"on {Date(first)}" : $"from {Date(first)} to {Date(last)}";

    public static Diagnostic EffectiveToBeforeFrom(SourceLocation at, DateOnly from, DateOnly to) =>
        Error("BHH1114", at, $"'effective_to' ({Date(to)}) is before 'effective_from' ({Date(from)}).");

    public static Diagnostic UnknownKind(SourceLocation at, string kind, IEnumerable<string> known) =>
        Error("BHH1102", at, $"Unknown rule kind '{kind}'. Known kinds: {string.Join(", ", known)}.");

    public static Diagnostic UnknownParameter(SourceLocation at, string name, string kind, IEnumerable<string> known) =>
        Error("BHH1103", at, $"Unknown parameter '{name}' for a {kind} rule. Its parameters: {List(known)}.");

    public static Diagnostic MissingParameter(SourceLocation at, string name, string kind) =>
        Error("BHH1104", at, $"A {kind} rule needs the parameter '{name}'.");

    public static Diagnostic BadParameter(SourceLocation at, string problem) =>
        Error("BHH1105", at, problem);

    public static Diagnostic UnknownSeverity(SourceLocation at, string severity) =>
        Error("BHH1106", at, $"Unknown severity '{severity}'. Severities: critical, major, minor, info.");

    public static Diagnostic BadRuleId(SourceLocation at, string id) =>
        Error("BHH1107", at, $"'{id}' is not a valid rule id: use capital letters, digits and hyphens, like STAFF-NURSE-RATIO.");

    public static Diagnostic NoRuleSetHeader(SourceLocation at) =>
        Error("BHH1108", at, "No file of the rule set has a 'rule_set' section with its name and version.");

    public static Diagnostic SecondRuleSetHeader(SourceLocation at, SourceLocation first) =>
        Error("BHH1109", at, $"The 'rule_set' section is given twice; the first is at {first}.");

    public static Diagnostic NoRuleFiles(SourceLocation at) =>
        Error("BHH1110", at, "The folder holds no rule files (*.yaml).");

    public static Diagnostic RuleFolderMissing(SourceLocation at) =>
        Error("BHH1111", at, "The rule set folder does not exist.");

    // Templates.
    public static Diagnostic TemplateSyntax(SourceLocation at, string field, string ruleId, string detail) =>
        Error("BHH1201", at, $"The {field} template of {ruleId} is not valid: {detail}");

    public static Diagnostic TemplateUnknownName(SourceLocation at, string field, string ruleId, string detail) =>
        Error("BHH1202", at, $"The {field} template of {ruleId} names a field it will not have: {detail}");

    // Report templates (the --templates folder).
    public static Diagnostic TemplateFolderMissing(SourceLocation at) =>
        Error("BHH1401", at, "The templates folder does not exist.");

    public static Diagnostic TemplateFolderEmpty(SourceLocation at, IEnumerable<string> files) =>
        Error("BHH1402", at, $"The templates folder holds none of the report templates ({string.Join(", ", files)}).");

    public static Diagnostic ReportTemplateSyntax(SourceLocation at, string template, string detail) =>
        Error("BHH1403", at, $"The template '{template}' is not valid: {detail}");

    public static Diagnostic ReportTemplateUnknownName(SourceLocation at, string template, string detail) =>
        Error("BHH1404", at, $"The template '{template}' names a field the report does not have: {detail}");

    // Profiles.
    public static Diagnostic DuplicateProfile(SourceLocation at, string name, SourceLocation first) =>
        Error("BHH1301", at, $"The profile '{name}' is defined twice; the first is at {first}.");

    public static Diagnostic ProfileNamesUnknownRule(SourceLocation at, string profile, string ruleId) =>
        Error("BHH1302", at, $"The profile '{profile}' names the rule '{ruleId}', which the rule set does not have.");

    public static Diagnostic BadProfileEntry(SourceLocation at, string entry) =>
        Error("BHH1303", at, $"'{entry}' is neither a rule id nor a prefix pattern like STAFF-*.");

    // Waiver files (bhh audit --waivers).
    public static Diagnostic WaiversFileMissing(SourceLocation at) =>
        Error("BHH1501", at, "The waivers file does not exist.");

    public static Diagnostic WaiversFileUnreadable(SourceLocation at, string detail) =>
        Error("BHH1501", at, $"The waivers file cannot be read: {detail}");

    /// <param name="suggestion">A rule id of the rule set the user probably meant, or null.</param>
    public static Diagnostic WaiverUnknownRule(SourceLocation at, string ruleId, string ruleSet, string? suggestion) =>
        Error("BHH1502", at, $"The rule set {ruleSet} has no rule '{ruleId}', so this waiver would waive nothing.{(suggestion is null ? string.Empty : $" Did you mean {suggestion}?")} bhh rules list shows the rule ids.");

    public static Diagnostic WaiverRuleNotWaivable(SourceLocation at, string ruleId) =>
        Error("BHH1503", at, $"{ruleId} cannot be waived: the rule set marks it waivable: false.");

    public static Diagnostic WaiverSelfApproved(SourceLocation at, string approvedBy) =>
        Error("BHH1504", at, $"The waiver is approved by the person who requested it ('{approvedBy.Trim()}'); someone else must approve it.");

    public static Diagnostic WaiverTooLong(SourceLocation at, DateOnly approvedOn, DateOnly expiresOn, int maxDays) =>
        Error("BHH1505", at, $"The waiver runs {expiresOn.DayNumber - approvedOn.DayNumber} days after its approval on {Date(approvedOn)}, to {Date(expiresOn)}; the rule set allows at most {maxDays} (max_waiver_days). Approve a new waiver when this one ends.");

    public static Diagnostic WaiverExpiresBeforeApproval(SourceLocation at, DateOnly approvedOn, DateOnly expiresOn) =>
        Error("BHH1506", at, $"'expires_on' ({Date(expiresOn)}) is before 'approved_on' ({Date(approvedOn)}).");

    /// <param name="subject">The subject both waivers name, or null when both cover the whole rule.</param>
    public static Diagnostic DuplicateWaiver(SourceLocation at, string ruleId, string? subject, int firstLine) =>
        Error("BHH1507", at, subject is null
            ? $"A second waiver for the whole of {ruleId} valid on some of the same days as the one on line {firstLine}. Keep one, or approve the renewal after the first expires."
            : $"A second waiver for {ruleId} and {subject} valid on some of the same days as the one on line {firstLine}. Keep one, or approve the renewal after the first expires.");

    public static Diagnostic BadWaiverSubject(SourceLocation at, string subject) =>
        Error("BHH1508", at, $"'subject' must be agency or staff:ID (a staff_id of staff.csv), got '{subject}'. Leave it out to waive every finding of the rule.");

    public static Diagnostic WaiverExpired(SourceLocation at, string ruleId, string? subject, DateOnly expiresOn, DateOnly asOf) =>
        Warning("BHH1521", at, $"The waiver for {ruleId}{ForSubject(subject)} expired on {Date(expiresOn)}, before the as-of date {Date(asOf)}; it is not applied. Renew it or remove it.");

    public static Diagnostic WaiverUnmatched(SourceLocation at, WaiverResult result, string profile, DateOnly asOf)
    {
        var waiver = result.Waiver;
        var reason = result.Why switch
        {
            UnmatchedReason.RuleNotRun => $"{waiver.RuleId} was not run (the profile '{profile}' leaves it out, or no version of it is in force on {Date(asOf)})",
            UnmatchedReason.NoFindingForSubject => $"{waiver.RuleId} has no finding for {waiver.Subject}",
            UnmatchedReason.CoveredBySubjectWaivers => "each of its findings that needs a waiver has a waiver for its own subject",
            _ => $"{(result.Outcomes.Count == 1 ? "its finding is" : "its findings are")} {OutcomeCounts(result.Outcomes)}; only fail, warn, cannot-evaluate and not-reviewed findings are waived",
        };
        return Warning("BHH1522", at, $"The waiver for {waiver.RuleId}{ForSubject(waiver.Subject)} matches no finding that needs it: {reason}. It is not applied.");
    }

    /// <summary>"pass", "3 pass and 1 not-applicable".</summary>
    private static string OutcomeCounts(IReadOnlyList<Outcome> outcomes)
    {
        if (outcomes.Count == 1)
        {
            return outcomes[0].Name();
        }

        var counts = outcomes.GroupBy(o => o).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Name()}").ToList();
        return counts.Count == 1 ? counts[0] : string.Join(", ", counts[..^1]) + " and " + counts[^1];
    }

    private static string ForSubject(string? subject) => subject is null ? string.Empty : $" and {subject}";

    // Snapshot files.
    public static Diagnostic SnapshotFolderMissing(SourceLocation at) =>
        Error("BHH2001", at, "The snapshot folder does not exist.");

    public static Diagnostic AgencyFileMissing(SourceLocation at) =>
        Error("BHH2002", at, "agency.yaml is missing; every snapshot needs it.");

    public static Diagnostic UnknownAgencyKey(SourceLocation at, string key, string where, IEnumerable<string> known) =>
        Warning("BHH2003", at, $"Unknown key '{key}' in {where} is ignored. Known keys: {string.Join(", ", known)}.");

    public static Diagnostic LongPeriod(SourceLocation at, int months) =>
        Warning("BHH2004", at, $"The period has {months} full months; a review period is usually a year or less. Check period_start and period_end.");

    public static Diagnostic ImplausibleDate(SourceLocation at, string key, DateOnly date) =>
        Error("BHH2006", at, $"'{key}' must be a date from {ReviewInfo.FirstYear} to {ReviewInfo.LastYear}, got '{Date(date)}'.");

    public static Diagnostic PeriodReversed(SourceLocation at, DateOnly start, DateOnly end) =>
        Error("BHH2005", at, $"The period ends ({Date(end)}) before it starts ({Date(start)}).");

    public static Diagnostic CensusIgnored(SourceLocation at, int declared) =>
        Warning("BHH2007", at, $"enrollment.census ({declared}) is not used: the census is counted from enrollees.csv.");

    public static Diagnostic TwoPcTrackers(SourceLocation at) =>
        Error("BHH2008", at, "Both pc-tracker.csv and pc-tracker.xlsx are present; keep only the one to audit.");

    public static Diagnostic Unreadable(SourceLocation at, string detail) =>
        Error("BHH2009", at, $"The file cannot be read: {detail}");

    public static Diagnostic EmptyFile(SourceLocation at) =>
        Error("BHH2010", at, "The file is empty; it needs at least a header row.");

    public static Diagnostic UnterminatedQuote(SourceLocation at) =>
        Error("BHH2011", at, "A quoted field is never closed: a '\"' is missing.");

    public static Diagnostic TextAfterQuote(SourceLocation at) =>
        Error("BHH2011", at, "Characters follow a closing quote; inside quotes, write a quote as \"\".");

    public static Diagnostic FieldCount(SourceLocation at, int fields, int header) =>
        Error("BHH2012", at, $"The row has {fields} fields; the header has {header}.");

    public static Diagnostic MissingColumn(SourceLocation at, string column) =>
        Error("BHH2013", at, $"The required column '{column}' is missing from the header.");

    public static Diagnostic UnknownColumn(SourceLocation at, string column) =>
        Warning("BHH2014", at, $"The column '{column}' is not part of the format and is ignored.");

    public static Diagnostic UnnamedColumn(SourceLocation at) =>
        Warning("BHH2014", at, "This column has no name in the header; its values are ignored.");

    public static Diagnostic RepeatedColumn(SourceLocation at, string column, int firstColumn) =>
        Error("BHH2015", at, $"The column '{column}' appears twice in the header; the first is column {firstColumn}.");

    // Values.
    public static Diagnostic Required(SourceLocation at, string column) =>
        Error("BHH2101", at, $"'{column}' is required but empty.");

    public static Diagnostic NotANumber(SourceLocation at, string column, string value) =>
        Error("BHH2102", at, $"'{column}' must be a number, got '{value}'.");

    public static Diagnostic NotADate(SourceLocation at, string column, string value) =>
        Error("BHH2103", at, $"'{column}' must be a date (YYYY-MM-DD), got '{value}'.");

    public static Diagnostic NotAMonth(SourceLocation at, string column, string value) =>
        Error("BHH2104", at, $"'{column}' must be a month (YYYY-MM), got '{value}'.");

    public static Diagnostic NotABoolean(SourceLocation at, string column, string value) =>
        Error("BHH2105", at, $"'{column}' must be yes, no, true or false, got '{value}'.");

    public static Diagnostic OutOfRange(SourceLocation at, string column, decimal minimum, decimal maximum, string value) =>
        Error("BHH2106", at, $"'{column}' must be from {minimum} to {maximum}, got '{value}'.");

    public static Diagnostic UnknownTerm(SourceLocation at, string column, Vocabulary vocabulary, string value) =>
        Error("BHH2108", at, $"'{value}' in '{column}' is not a known {vocabulary.Description}. Known: {string.Join(", ", vocabulary.Ids)}.");

    public static Diagnostic NotARuleId(SourceLocation at, string column, string value) =>
        Error("BHH2110", at, $"'{column}' must be a rule id such as CHART-PERSON-CENTERED, got '{value}'.");

    public static Diagnostic EndBeforeStart(SourceLocation at, string endColumn, DateOnly end, string startColumn, DateOnly start) =>
        Error("BHH2109", at, $"'{endColumn}' ({Date(end)}) is before '{startColumn}' ({Date(start)}).");

    // Ids and references.
    public static Diagnostic DuplicateId(SourceLocation at, string column, string id, int firstLine) =>
        Error("BHH2201", at, $"The {column} '{id}' appears twice; the first is on line {firstLine}.");

    public static Diagnostic UnknownEnrollee(SourceLocation at, string column, string id) =>
        Error("BHH2202", at, $"The {column} '{id}' is not an enrollee in enrollees.csv.");

    public static Diagnostic UnknownStaff(SourceLocation at, string column, string id) =>
        Error("BHH2203", at, $"The {column} '{id}' is not a staff member in staff.csv.");

    public static Diagnostic DuplicateAttestation(SourceLocation at, string enrolleeId, string criterion, int firstLine) =>
        Error("BHH2204", at, $"A second answer for enrollee '{enrolleeId}' and criterion {criterion}; the first is on line {firstLine}.");

    public static Diagnostic NotAManualCriterion(SourceLocation at, string criterion, bool isAutomatic, IEnumerable<string> manual) =>
        Error("BHH2205", at, isAutomatic
            ? $"{criterion} is evaluated from chart events, not answered by reviewers. Criteria answered in attestations.csv: {List(manual)}."
            : $"The criterion '{criterion}' is not in the rule set. Criteria answered in attestations.csv: {List(manual)}.");

    // Warnings.
    public static Diagnostic OutsidePeriod(SourceLocation at, string value, string period) =>
        Warning("BHH2301", at, $"The record is dated {value}, outside the period {period}; it is not counted for this review.");

    public static Diagnostic ServiceOutsidePeriod(SourceLocation at, string value, string period) =>
        Warning("BHH2301", at, $"The service is dated {value}, outside the period {period}; it is not counted toward the period's services or claims, only as the enrollee's first service where a chart criterion looks for one.");

    public static Diagnostic ClaimMonthOutsidePeriod(SourceLocation at, string month, string period) =>
        Warning("BHH2301", at, $"The claim is for {month}, which is not a full month of the period {period}; it is not counted for this review.");

    public static Diagnostic EnrolleeWithoutServices(SourceLocation at, string enrolleeId) =>
        Warning("BHH2302", at, $"The enrollee '{enrolleeId}' was enrolled during the period but has no service record dated in it.");

    public static Diagnostic NoAnswerYet(SourceLocation at, string enrolleeId, string criterion) =>
        Warning("BHH2303", at, $"No answer yet for enrollee '{enrolleeId}' and {criterion}; the chart counts as not reviewed for it.");

    public static Diagnostic AnswerForChartNotUnderReview(SourceLocation at, string enrolleeId, string listedIn) =>
        Warning("BHH2304", at, $"The enrollee '{enrolleeId}' is not among the charts under review ({listedIn}); the answer is not counted.");

    public static Diagnostic ChartEventAfterAsOf(SourceLocation at, string value, DateOnly asOf) =>
        Warning("BHH2305", at, $"The chart event is dated {value}, after the as-of date {Date(asOf)}; it is not counted for this review.");

    public static Diagnostic EmptyChartSample(SourceLocation at) =>
        Warning("BHH2306", at, "chart-sample.csv lists no chart, so no chart is under review and every chart criterion is not applicable. Draw a sample with bhh sample, or remove the file to review every chart with an event.");

    private static Diagnostic Error(string code, SourceLocation at, string message) =>
        new(DiagnosticSeverity.Error, code, message, at);

    private static Diagnostic Warning(string code, SourceLocation at, string message) =>
        new(DiagnosticSeverity.Warning, code, message, at);

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
