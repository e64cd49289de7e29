using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Critique;
using SIaM.Critique.Calibration;
using SIaM.Critique.Pipeline;
using SIaM.Critique.Validation;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam critic calibrate --critic SPEC --labels FILE</c>: accuracy, precision, recall, F1 and ECE with a reliability
/// table on labelled cases, and the threshold that maximises accuracy.
/// </summary>
internal static class CriticCalibrateCommand
{
    private static readonly Option<string> Labels = new("--labels")
    {
        Description = "JSONL of {question, reference, code?, output?, answer?, language?, label: yes|no}",
        Required = true,
    };
    private static readonly Option<string?> Scores = new("--scores")
    {
        Description = "Also write each case's P(YES), verdict and label as JSONL, in the order of --labels, so the figures can be recomputed",
    };
    private static readonly Option<int> BatchSize = new("--batch-size") { Description = "Cases per critic call", DefaultValueFactory = _ => 16 };
    private static readonly CriticCliOptions Critic = new(required: true, defaultScoring: ScoringMode.Critic);

    public static Command Create()
    {
        var command = new Command("calibrate", "Measure a critic against labelled cases and find its best threshold");
        command.Options.Add(Labels);
        command.Options.Add(BatchSize);
        command.Options.Add(Scores);
        Critic.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            Preflight.ThrowIfInvalid(
            [
                IntRangeValidator.Positive("--batch-size", result.GetValue(BatchSize)),
                new RequirementValidator(result.GetValue(Scores) is { } scores && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(scores))),
                    $"--scores {result.GetValue(Scores)}: its directory does not exist"),
                new CriticOptionsValidator(result.GetValue(Critic.Critic), result.GetValue(Critic.Mode)!, result.GetValue(Critic.Threshold),
                    result.GetValue(Critic.FewShot), result.GetValue(Critic.Scoring), BackendFactory.Kinds),
            ]);
            var labelled = LabelsFile.Read(result.GetValue(Labels)!);
            var threshold = Critic.Options(result).Threshold;
            await using var critic = Critic.Create(result);
            var judgments = new List<CriticJudgment>();
            foreach (var chunk in labelled.Chunk(result.GetValue(BatchSize)))
                judgments.AddRange(await critic.JudgeAsync(chunk.Select(c => c.Case).ToList(), cancellationToken));
            var scored = labelled.Zip(judgments)
                .Where(x => x.Second.Outcome is CriticOutcome.Yes or CriticOutcome.No)
                .Select(x => (x.Second.PYes ?? (x.Second.Outcome == CriticOutcome.Yes ? 1.0 : 0.0), x.First.Label))
                .ToList();
            if (result.GetValue(Scores) is { } path) WriteScores(path, labelled, judgments, threshold);
            Print(Calibrator.Compute(scored, threshold, labelled.Count - scored.Count));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteScores(string path, IReadOnlyList<LabelledCase> labelled, IReadOnlyList<CriticJudgment> judgments, double threshold) =>
        JsonLinesWriter.WriteAll(path, labelled.Zip(judgments, (labelledCase, judgment) => new JsonObject
        {
            ["id"] = labelledCase.Case.Id,
            ["p_yes"] = judgment.PYes,
            ["outcome"] = judgment.Outcome.ToString().ToLowerInvariant(),
            ["accepted"] = judgment.PYes is { } p ? p >= threshold : judgment.Outcome == CriticOutcome.Yes,
            ["label"] = labelledCase.Label,
        }));

    private static void Print(CalibrationReport r)
    {
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"cases {r.N} (unscored {r.Unscored}) at threshold {F(r.Threshold)}: accuracy {F(r.Accuracy)}, precision {F(r.Precision)}, recall " +
            $"{F(r.Recall)}, F1 {F(r.F1)}, ECE {F(r.Ece)}");
        Console.WriteLine("| P(YES) bin | cases | mean P(YES) | share labelled yes |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var b in r.Bins)
            Console.WriteLine($"| {F(b.Low)}–{F(b.High)} | {b.Count} | " +
                $"{(b.Count == 0 ? "–" : F(b.MeanConfidence))} | {(b.Count == 0 ? "–" : F(b.PositiveRate))} |");
        Console.WriteLine($"best threshold {F(r.BestThreshold)} (accuracy {F(r.BestAccuracy)}); use it with --threshold");
    }
}
