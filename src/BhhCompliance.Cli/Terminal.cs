using Spectre.Console;

namespace BhhCompliance.Cli;

/// <summary>
/// Where the command writes, and whether a person is watching: standard output and error, and
/// whether each is a terminal (colours, progress) or redirected (plain text, no progress).
/// </summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal, int Width)
{
    /// <summary>The process's own console. <c>NO_COLOR</c> turns colours off, as everywhere.</summary>
    public static Terminal System => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
        !Console.IsErrorRedirected,
        Console.IsOutputRedirected ? PlainWidth : Math.Max(80, SafeWindowWidth()));

    /// <summary>The width of text written to a file or a pipe.</summary>
    public const int PlainWidth = 120;

    /// <summary>A Spectre console over standard output: coloured on a terminal, plain otherwise.</summary>
    public IAnsiConsole OutConsole() => Create(Out, OutIsTerminal, Width);

    public static IAnsiConsole Create(TextWriter writer, bool colour, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return PlainWidth;
        }
    }
}
