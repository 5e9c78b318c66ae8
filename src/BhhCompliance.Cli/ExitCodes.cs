namespace BhhCompliance.Cli;

/// <summary>The exit codes of cli.md.</summary>
public static class ExitCodes
{
    /// <summary>The audit ran and no finding failed; any other command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The audit ran and at least one finding failed.</summary>
    public const int Failures = 1;

    /// <summary>Bad input: snapshot, rules, waivers or arguments.</summary>
    public const int BadInput = 2;

    /// <summary>An internal error: a bug, reported with a message.</summary>
    public const int InternalError = 3;
}
