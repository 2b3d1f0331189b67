using CellRadar;

return Cli.Run(args, CliContext.FromConsole());
