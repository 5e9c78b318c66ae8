using System.Globalization;
using System.Text;

namespace BhhCompliance.SampleGenerator;

/// <summary>
/// What a statewide data set holds: how many agencies, enrollees over all of them, service
/// records aimed for, the seed, and the review every agency's snapshot describes.
/// </summary>
/// <param name="Services">Service records to aim for over all agencies; the count written comes within a few percent.</param>
internal sealed record StatewideRequest(int Agencies, int Enrollees, long Services, ulong Seed, string ReviewType)
{
    public const int DefaultAgencies = 30;

    public const int DefaultEnrollees = 20_000;

    /// <summary>Service records per enrollee when --services is not given: about eight a month over a year.</summary>
    public const int DefaultServicesPerEnrollee = 100;

    public const ulong DefaultSeed = 2026;

    public const string DefaultReviewType = "credentialing";

    /// <summary>The smallest agency: enough enrollees for every role and chart criterion to have something to measure.</summary>
    public const int MinimumAgencyEnrollees = 25;

    /// <summary>The review types of agency.yaml (snapshot.md).</summary>
    public static IReadOnlyList<string> ReviewTypes { get; } = ["credentialing", "self-check", "chart-audit"];

    /// <summary>The command that writes this data set to <paramref name="folder"/>, every option spelt out.</summary>
    public string CommandFor(string folder)
    {
        var command = new StringBuilder("dotnet run -c Release --project tools/BhhCompliance.SampleGenerator -- --statewide");
        command.Append(CultureInfo.InvariantCulture, $" --agencies {Agencies} --enrollees {Enrollees} --services {Services} --seed {Seed}");
        if (ReviewType != DefaultReviewType)
        {
            command.Append(CultureInfo.InvariantCulture, $" --review-type {ReviewType}");
        }

        return command.Append(CultureInfo.InvariantCulture, $" --out {folder.Replace('\\', '/')}").ToString();
    }
}

/// <summary>Where an agency snapshot of a statewide data set comes from: its place in the set and the set's command.</summary>
internal sealed record StateOrigin(int Number, int Agencies, ulong Seed, string Command);

/// <summary>One agency of a statewide data set, planned before anything is written.</summary>
/// <param name="Folder">The snapshot folder's name under the data set's folder: index, type and place.</param>
/// <param name="Intent">What was planted, in a reader's words, for the data set's README.</param>
/// <param name="ExpectedDetermination">The determination a credentialing review should reach (rules.md).</param>
/// <param name="ServiceTarget">This agency's share of the data set's service records.</param>
internal sealed record StateAgency(
    int Number,
    string Folder,
    GenerationRequest Request,
    string Intent,
    string ExpectedDetermination,
    long ServiceTarget);
