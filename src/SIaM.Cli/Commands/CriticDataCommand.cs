using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Critique.Pipeline;
using SIaM.Critique.Prompts;
using SIaM.Critique.TrainingData;
using SIaM.Critique.Validation;
using SIaM.Data;
using SIaM.Evaluation.Runs;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam critic data RUN_DIR… --out DIR</c>: balanced YES/NO critic examples from graded samples, deduplicated by
/// problem and program, split by problem into <c>train.jsonl</c> and <c>heldout.jsonl</c> (+ <c>manifest.json</c>).
/// </summary>
internal static class CriticDataCommand
{
    private static readonly Argument<string[]> Runs = new("RUN_DIR")
    {
        Description = "Run directories written by 'siam eval'",
        Arity = ArgumentArity.OneOrMore,
    };
    private static readonly Option<string> Out = new("--out") { Description = "Output directory", Required = true };
    private static readonly Option<double> HeldOut = new("--held-out") { Description = "Share of problems held out", DefaultValueFactory = _ => 0.1 };
    private static readonly Option<int> FewShot = new("--few-shot") { Description = "Worked examples in each prompt (0-2)", DefaultValueFactory = _ => 0 };
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (default: $SIAM_DATA, ./benchmarks-data, ../shared/benchmarks-data)",
    };

    public static Command Create()
    {
        var command = new Command("data", "Build critic training data (balanced YES/NO, split by problem) from graded runs");
        command.Arguments.Add(Runs);
        foreach (var option in new Option[] { Out, HeldOut, FewShot, Data }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var heldOut = result.GetValue(HeldOut);
            // Every option is checked before a run is read or anything is written.
            Preflight.ThrowIfInvalid(
            [
                new NumberRangeValidator("--held-out", heldOut, 0, 1, MinOpen: false, MaxOpen: true, "a share of problems"),
                new IntRangeValidator("--few-shot", result.GetValue(FewShot), 0, CriticOptionsValidator.MaxFewShot),
                .. result.GetValue(Runs)!.Select(run => new RunDirectoryValidator(run)),
                new CheckValidator(() => OutputDirectory.EnsureWritable(result.GetValue(Out)!, "--out")),
                DataOption.Validator(result.GetValue(Data)),
            ]);
            var samples = new List<SampleRecord>();
            var problems = new Dictionary<string, ProblemContext>();
            foreach (var directory in result.GetValue(Runs)!)
            {
                var run = RunLog.Read(directory);
                samples.AddRange(run.Samples);
                foreach (var (id, problem) in RunProblems.Load(run, result.GetValue(Data))) problems[id] = problem;
            }
            var set = CriticDataBuilder.Build(samples, problems, heldOut, result.GetValue(FewShot));
            var outDirectory = result.GetValue(Out)!;
            Directory.CreateDirectory(outDirectory);
            Write(Path.Combine(outDirectory, "train.jsonl"), set.Train);
            Write(Path.Combine(outDirectory, "heldout.jsonl"), set.HeldOut);
            var manifest = new JsonObject
            {
                ["format"] = "one JSON object per line: prompt (plain text ending in the answer cue), messages (chat), response (YES|NO), " +
                    "label, id, sample, benchmark",
                ["runs"] = new JsonArray(result.GetValue(Runs)!.Select(r => (JsonNode?)JsonValue.Create(Path.GetFullPath(r))).ToArray()),
                ["held_out"] = heldOut,
                ["few_shot"] = result.GetValue(FewShot),
                ["prompt_template_hashes"] = new JsonObject(CriticTemplates.All.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Hash)))),
                ["train"] = Counts(set.Train),
                ["heldout"] = Counts(set.HeldOut),
            };
            AtomicFile.WriteText(Path.Combine(outDirectory, "manifest.json"), manifest.ToJsonString(JsonFormat.Document) + "\n");
            Console.WriteLine($"critic data: train {set.Train.Count} ({set.Train.Count(e => e.Label)} YES), held-out {set.HeldOut.Count} " +
                $"({set.HeldOut.Count(e => e.Label)} YES) → {outDirectory}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject Counts(IReadOnlyList<CriticTrainingExample> examples) => new()
    {
        ["examples"] = examples.Count, ["yes"] = examples.Count(e => e.Label), ["no"] = examples.Count(e => !e.Label),
        ["problems"] = examples.Select(e => e.Id).Distinct().Count(),
    };

    private static void Write(string path, IReadOnlyList<CriticTrainingExample> examples) =>
        AtomicFile.Write(path, stream =>
        {
            foreach (var example in examples)
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(example, JsonFormat.Line));
                stream.WriteByte((byte)'\n');
            }
        });
}
