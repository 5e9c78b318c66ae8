using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Findings;

/// <summary>Detail rows built from snapshot records, with the snapshot's column names.</summary>
public static class DetailRows
{
    public static DetailRow Of(Claim claim) => new(
        new Evidence
        {
            ["claim_id"] = claim.ClaimId,
            ["enrollee_id"] = claim.EnrolleeId,
            ["month"] = claim.Month,
            ["amount"] = claim.Amount,
        },
        claim.Source);

    public static DetailRow Of(in ServiceRecord service) => new(
        new Evidence
        {
            ["enrollee_id"] = service.EnrolleeId,
            ["date"] = service.Date,
            ["service"] = service.Service,
            ["minutes"] = service.Minutes,
            ["procedure_code"] = service.ProcedureCode,
            ["staff_id"] = service.StaffId,
            ["note_id"] = service.NoteId,
        },
        service.Source);

    public static DetailRow Of(PcTrackerEntry entry) => new(
        new Evidence
        {
            ["date"] = entry.Date,
            ["consultant_id"] = entry.ConsultantId,
            ["minutes"] = entry.Minutes,
            ["activity"] = entry.Activity,
            ["enrollee_id"] = entry.EnrolleeId,
            ["billed_to_medicaid"] = entry.BilledToMedicaid ? "yes" : "no",
        },
        entry.Source);

    public static DetailRow Of(StaffMember staff) => new(
        new Evidence
        {
            ["staff_id"] = staff.StaffId,
            ["name"] = staff.Name,
            ["role"] = staff.Role,
            ["fte"] = staff.Fte,
            ["degree_level"] = staff.DegreeLevel,
            ["degree_field"] = staff.DegreeField,
            ["license_type"] = staff.LicenseType,
            ["license_expires"] = staff.LicenseExpires,
            ["bh_experience_years"] = staff.BhExperienceYears,
        },
        staff.Source);
}
