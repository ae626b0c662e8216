using System.Globalization;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Relations;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "run":
        SingleRun.Execute(options);
        break;
    case "figure5":
        Figure5.Execute(options);
        break;
    default:
        Console.WriteLine("usage: GenEftFigures <run|figure3|figure5|figure6|figure7|figure8> [--name value ...]");
        break;
}
