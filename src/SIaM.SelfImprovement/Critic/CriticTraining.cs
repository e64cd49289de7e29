using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Critique.Calibration;
using SIaM.Critique.TrainingData;
using SIaM.Tokenization;
using SIaM.TorchSharp;
using SIaM.Training.Critics;
using SIaM.Training.Trainers;

namespace SIaM.SelfImprovement.Critic;

/// <summary>
/// Trains a critic from a critic-data directory (<c>train.jsonl</c>, optional <c>heldout.jsonl</c>): SFT of an
/// <c>hf:</c> base on <c>prompt</c> → <c>" " + response</c>, then P(YES) vs P(NO) on the held-out prompts through the
/// backend's candidate scorer (what a plain-format critic asks). Every input is checked before anything is written;
/// the checkpoint directory appears complete, with <c>critic-train.json</c> beside its weights. Trains and scores on the
/// given device (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>), checked first.
/// </summary>
public static class CriticTraining
{
    public static readonly string[] Candidates = [" YES", " NO"];

    public sealed record Report(ContinuationSftResult Train, double TrainSeconds, double TrainCpuSeconds, CalibrationReport? HeldOut);

    public static async Task<Report> RunAsync(string dataDirectory, string baseDirectory, string outDirectory, TrainingOptions options, string device,
        Action<string> log, CancellationToken cancellationToken)
    {
        TorchDevices.ParseDevice(device);
        var train = CriticDataFile.Read(Path.Combine(dataDirectory, "train.jsonl"));
        var heldOutFile = Path.Combine(dataDirectory, "heldout.jsonl");
        var heldOut = File.Exists(heldOutFile) ? CriticDataFile.Read(heldOutFile) : [];
        if (train.Count == 0) throw new InputException($"{Path.Combine(dataDirectory, "train.jsonl")}: no examples to train on");
        if (Directory.Exists(outDirectory) && Directory.EnumerateFileSystemEntries(outDirectory).Any())
            throw new InputException($"{outDirectory}: already exists and is not empty (refusing to overwrite another checkpoint)");
        var directory = baseDirectory.Split('#')[0];
        if (!Directory.Exists(directory)) throw new InputException($"hf:{directory}: no such directory");
        var tokenizer = HfTokenizer.Load(directory);
        if (ContinuationExamples.CandidateProblem(tokenizer, train[0].Prompt, Candidates) is { } problem)
            throw new InputException($"hf:{directory}: the base model cannot answer YES/NO: {problem}");
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await ContinuationSft.TrainAsync(
            TorchSharpBackendOptions.OnDevice(baseDirectory, device),
            train.Select(e => (e.Prompt, " " + e.Response)).ToList(),
            options,
            outDirectory,
            p => { if (p.Step == 1 || p.Step % 50 == 0 || p.Step == p.TotalSteps) log($"step {p.Step}/{p.TotalSteps} loss {p.Loss:F4}"); },
            cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var critic = heldOut.Count > 0 ? await ScoreAsync(outDirectory, heldOut, device, cancellationToken) : null;
        var report = new Report(result, seconds, cpuSeconds, critic);
        AtomicFile.WriteText(
            Path.Combine(outDirectory, "critic-train.json"),
            Describe(report, dataDirectory, baseDirectory, options).ToJsonString(JsonFormat.Document) + "\n");
        return report;
    }

    /// <summary>P(YES) renormalised over YES/NO for each example's prompt, as a plain-format critic scores it.</summary>
    public static async Task<CalibrationReport> ScoreAsync(string checkpoint, IReadOnlyList<CriticTrainingExample> examples, string device,
        CancellationToken cancellationToken)
    {
        await using var backend = TorchSharpBackend.Load(TorchSharpBackendOptions.OnDevice(checkpoint + "#batch=16", device));
        ICandidateScorer scorer = backend;
        var results = await scorer.ScoreAsync(
            examples.Select((e, i) => new ScoringRequest($"{e.Id}#{i}", [], e.Prompt, Candidates)).ToArray(),
            cancellationToken);
        var scored = examples.Zip(results).Where(x => x.Second.Renormalised(0) is not null)
            .Select(x => (x.Second.Renormalised(0)!.Value, x.First.Label)).ToList();
        return Calibrator.Compute(scored, 0.5, examples.Count - scored.Count);
    }

    private static JsonObject Describe(Report report, string data, string baseModel, TrainingOptions options) => new()
    {
        ["data"] = Path.GetFullPath(data),
        ["base"] = "hf:" + baseModel,
        ["options"] = JsonSerializer.SerializeToNode(options, JsonFormat.Line),
        ["train"] = JsonSerializer.SerializeToNode(report.Train, JsonFormat.Line),
        ["train_seconds"] = Math.Round(report.TrainSeconds, 2),
        ["train_cpu_seconds"] = Math.Round(report.TrainCpuSeconds, 2),
        ["heldout"] = report.HeldOut is null ? null : JsonSerializer.SerializeToNode(report.HeldOut with { Bins = [] }, JsonFormat.Line),
    };
}
