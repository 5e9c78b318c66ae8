using System.Reflection;

namespace BhhCompliance.Reporting;

/// <summary>The tool's name and version, as findings and reports state them.</summary>
public sealed record ToolInfo(string Name, string Version)
{
    public static ToolInfo Current { get; } = new("bhh", ReadVersion());

    private static string ReadVersion() =>
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
