using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.Tables;

namespace BhhCompliance.Loading.Snapshots;

/// <summary>staff.csv and enrollees.csv: the rosters that other files refer to.</summary>
internal static class RosterFiles
{
    public static Loaded<SnapshotTable<StaffMember>> Staff(IEnumerable<RowReader> rows, string fileName)
    {
        var staff = new List<StaffMember>();
        var ids = new UniqueIds("staff_id");
        foreach (var row in rows)
        {
            var id = row.Text("staff_id", required: true);
            ids.Claim(row, id);
            var name = row.Text("name");
            var role = row.Term("role", BhhProgram.Roles, required: true);
            var fte = row.Decimal("fte", 0m, 1.5m, required: true);
            var degreeLevel = row.Term("degree_level", BhhProgram.DegreeLevels);
            var degreeField = row.Text("degree_field");
            var licenseType = row.Text("license_type")?.ToUpperInvariant();
            var licenseExpires = row.Date("license_expires");
            var experience = row.Decimal("bh_experience_years", 0m, 80m);
            var start = row.Date("start_date", required: true);
            var end = row.Date("end_date");
            if (start is { } s && end is { } e && e < s)
            {
                row.Report(Problems.EndBeforeStart(row.At("end_date"), "end_date", e, "start_date", s));
            }

            if (row.IsValid)
            {
                staff.Add(new StaffMember(id!, name, role!, fte!.Value, degreeLevel, degreeField, licenseType, licenseExpires, experience, start!.Value, end, row.Source));
            }
        }

        return new(new SnapshotTable<StaffMember>(fileName, staff), ids.All);
    }

    public static Loaded<SnapshotTable<Enrollee>> Enrollees(IEnumerable<RowReader> rows, string fileName)
    {
        var enrollees = new List<Enrollee>();
        var ids = new UniqueIds("enrollee_id");
        foreach (var row in rows)
        {
            var id = row.Text("enrollee_id", required: true);
            ids.Claim(row, id);
            var enrolled = row.Date("enrolled_on", required: true);
            var disenrolled = row.Date("disenrolled_on");
            if (enrolled is { } from && disenrolled is { } to && to < from)
            {
                row.Report(Problems.EndBeforeStart(row.At("disenrolled_on"), "disenrolled_on", to, "enrolled_on", from));
            }

            if (row.IsValid)
            {
                enrollees.Add(new Enrollee(id!, enrolled!.Value, disenrolled, row.Source));
            }
        }

        return new(new SnapshotTable<Enrollee>(fileName, enrollees), ids.All);
    }
}

/// <summary>The ids of one file's key column; a repeat is reported with the line of the first.</summary>
internal sealed class UniqueIds(string column)
{
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

    public IReadOnlySet<string> All => _firstLine.Keys.ToHashSet(StringComparer.Ordinal);

    public void Claim(RowReader row, string? id)
    {
        if (id is null)
        {
            return;
        }

        if (_firstLine.TryGetValue(id, out var first))
        {
            row.Report(Problems.DuplicateId(row.At(column), column, id, first));
        }
        else
        {
            _firstLine.Add(id, row.Line);
        }
    }
}
