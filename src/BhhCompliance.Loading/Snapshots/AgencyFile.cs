using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Yaml;

namespace BhhCompliance.Loading.Snapshots;

/// <summary>What agency.yaml says: who, which review, and the declared census.</summary>
internal sealed record AgencyFacts(AgencyProfile Agency, ReviewInfo Review, int? DeclaredCensus, SourceLocation CensusAt);

/// <summary>
/// Reads agency.yaml (snapshot.md). Unknown keys are warnings, like unknown CSV columns: the
/// file is the agency's own, and a key this tool does not know does not stop the review.
/// </summary>
internal static class AgencyFile
{
    public static AgencyFacts? Read(string path, DiagnosticBag diagnostics)
    {
        const string file = SnapshotFile.Agency;
        var root = YamlTree.Parse(File.ReadAllText(path), file, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrorsIn(file))
            {
                diagnostics.Add(Problems.MissingKey(new SourceLocation(file, 1, 1), "agency", "agency.yaml"));
            }

            return null;
        }

        if (YamlFields.Of(root, file, diagnostics, "agency.yaml", null) is not { } top)
        {
            return null;
        }

        var errors = diagnostics.ErrorCount;
        var agency = top.Mapping("agency", "the agency section", required: true);
        var id = agency?.Text("id", required: true);
        var name = agency?.Text("name");
        var type = Term(agency, "type", BhhProgram.AgencyTypes, diagnostics);
        var lmha = agency?.Text("lmha");
        agency?.ReportUnknownKeys(Problems.UnknownAgencyKey);

        var review = top.Mapping("review", "the review section", required: true);
        var reviewType = Term(review, "type", BhhProgram.ReviewTypes, diagnostics) ?? "self-check";
        var asOf = review?.Date("as_of", required: true);
        var start = review?.Date("period_start", required: true);
        var end = review?.Date("period_end", required: true);
        review?.ReportUnknownKeys(Problems.UnknownAgencyKey);

        var enrollment = top.Mapping("enrollment", "the enrollment section");
        var census = enrollment?.Integer("census");
        var censusAt = enrollment?.Node("census")?.At(file) ?? SourceLocation.OfFile(file);
        if (census is < 0)
        {
            diagnostics.Add(Problems.WrongType(censusAt, "census", "a whole number of 0 or more", $"'{census}'"));
        }

        enrollment?.ReportUnknownKeys(Problems.UnknownAgencyKey);
        top.ReportUnknownKeys(Problems.UnknownAgencyKey);

        // A year typed wrong (0026 for 2026) would make a period of two thousand years.
        asOf = Plausible(review, "as_of", asOf, diagnostics);
        start = Plausible(review, "period_start", start, diagnostics);
        end = Plausible(review, "period_end", end, diagnostics);
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                diagnostics.Add(Problems.PeriodReversed(review!.Node("period_end")!.At(file), s, e));
            }
            else if (new ReviewPeriod(s, e).FullMonths.Count is > LongPeriodMonths and var months)
            {
                diagnostics.Add(Problems.LongPeriod(review!.Node("period_end")!.At(file), months));
            }
        }

        if (diagnostics.ErrorCount > errors || id is null || asOf is null || start is null || end is null)
        {
            return null;
        }

        return new AgencyFacts(
            new AgencyProfile(id.Trim(), name?.Trim(), type, lmha?.Trim()),
            new ReviewInfo(reviewType, asOf.Value, new ReviewPeriod(start.Value, end.Value)),
            census,
            censusAt);
    }

    /// <summary>More full months than this in a period is worth a warning.</summary>
    private const int LongPeriodMonths = 36;

    private static DateOnly? Plausible(YamlFields? fields, string key, DateOnly? date, DiagnosticBag diagnostics)
    {
        if (date is { } wrong && !ReviewInfo.IsPlausible(wrong))
        {
            diagnostics.Add(Problems.ImplausibleDate(fields!.Node(key)!.At(SnapshotFile.Agency), key, wrong));
            return null;
        }

        return date;
    }

    private static string? Term(YamlFields? fields, string key, Vocabulary vocabulary, DiagnosticBag diagnostics)
    {
        var node = fields?.Scalar(key);
        if (node is null)
        {
            return null;
        }

        if (vocabulary.Find(node.Value) is { } term)
        {
            return term.Id;
        }

        diagnostics.Add(Problems.UnknownTerm(node.At(fields!.File), key, vocabulary, node.Value));
        return null;
    }
}
