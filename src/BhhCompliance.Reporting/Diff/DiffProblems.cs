using BhhCompliance.Core.Diagnostics;

namespace BhhCompliance.Reporting.Diff;

/// <summary>
/// Every problem <c>bhh diff</c> can find in a findings.json, one factory per failure kind, so
/// that codes stay stable and the wording lives here. BHH50xx: findings.json files read back.
/// Each names the file; <c>where</c> is a path into the document, such as
/// <c>findings[3].outcome</c>.
/// </summary>
public static class DiffProblems
{
    public static Diagnostic CannotRead(string file, string reason) =>
        Error("BHH5001", SourceLocation.OfFile(file), $"The file cannot be read: {reason}");

    /// <param name="at">Where the JSON reader stopped, when it knows.</param>
    /// <param name="detail">What it found there.</param>
    public static Diagnostic NotJson(SourceLocation at, string detail) =>
        Error("BHH5002", at, $"The file is not JSON, so not a findings.json: {detail}");

    public static Diagnostic NotUtf8(SourceLocation at, byte value) =>
        Error("BHH5008", at, $"The file is not UTF-8 text: the byte 0x{value:X2} cannot start or continue a character here. findings.json is UTF-8; save the file as UTF-8.");

    public static Diagnostic NotAnObject(string file, string got) =>
        Error("BHH5003", SourceLocation.OfFile(file), $"The file holds {got}, not a findings.json object; give the file that 'bhh audit --format json' writes.");

    public static Diagnostic WrongSchema(string file, string? got) =>
        Error(
            "BHH5004",
            SourceLocation.OfFile(file),
            got is null
                ? $"The file has no 'schema' key, so it is not a findings.json; 'bhh audit --format json' writes one with \"schema\": \"{Schema}\"."
                : $"The file's schema is '{got}', not '{Schema}': it is not a findings.json that this version of bhh can compare.");

    public static Diagnostic MissingKey(string file, string where, string key) =>
        Error("BHH5005", SourceLocation.OfFile(file), $"'{key}' is missing from {where}; a findings.json always has it.");

    /// <param name="file">The file.</param>
    /// <param name="where">The value's path: <c>findings[3].severity</c>.</param>
    /// <param name="expected">What it must be: "a string", "one of pass, warn ...".</param>
    /// <param name="got">What it is, as shown to the user.</param>
    public static Diagnostic WrongValue(string file, string where, string expected, string got) =>
        Error("BHH5006", SourceLocation.OfFile(file), $"{where} must be {expected}, got {got}.");

    public static Diagnostic DuplicateFinding(string file, FindingKey key, int first, int second) =>
        Error(
            "BHH5007",
            SourceLocation.OfFile(file),
            $"findings[{first}] and findings[{second}] are both for rule {key.RuleId} and subject {key.Subject}; findings are matched by rule and subject, so each pair may appear once.");

    private static string Schema => RecordedAuditReader.Schema;

    private static Diagnostic Error(string code, SourceLocation at, string message) =>
        new(DiagnosticSeverity.Error, code, message, at);
}
