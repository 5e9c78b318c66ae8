using BhhCompliance.Cli;

return BhhApp.Run(args, Terminal.System);
