using System.Text;
using BhhCompliance.Cli;

// Reports and diagnostics are UTF-8 whatever the console's code page (Windows defaults to another).
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return BhhApp.Run(args, Terminal.System);
