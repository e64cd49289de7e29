using System.CommandLine;
using SIaM.SelfImprovement;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam improve spread DIR DIR …</c>: the loop's gain over its control per tier, one row per run (one per seed),
/// with mean, sd and mean − 2 sd: the margin a single-seed CI assertion can rely on. Read from the runs' files.
/// </summary>
internal static class ImproveSpreadCommand
{
    private static readonly Argument<string[]> Runs = new("runs")
    {
        Description = "Finished 'siam improve --control' runs, one per seed",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create()
    {
        var command = new Command("spread", "Print loop − control per tier across runs of several seeds, with mean, sd and mean − 2 sd");
        command.Arguments.Add(Runs);
        command.SetAction(parse =>
        {
            Console.Out.Write(SeedSpread.Render(parse.GetValue(Runs)!));
            return ExitCodes.Success;
        });
        return command;
    }
}
