using System.CommandLine;
using GenEft.Cli;

var configuration = new InvocationConfiguration
{
    // Ctrl+C and SIGTERM cancel the token the commands observe; they flush what they finished and return 130.
    ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
};
return await GeneftCli.InvokeAsync(args, configuration);
