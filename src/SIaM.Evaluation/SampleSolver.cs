using System.Diagnostics;
using SIaM.Core.Backends;
using SIaM.Core.Completions;
using SIaM.Core.Grading;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Evaluation.Scheduling;

namespace SIaM.Evaluation;

/// <summary>
/// Turns one work item into a graded sample record, on its own: generate → (execute, and for tool-integrated answers
/// continue the model, a bounded number of rounds) → extract → grade. No sample waits for another: each round's model
/// request goes out as soon as that sample's program has run.
/// </summary>
public sealed class SampleSolver(
    RunSpec spec,
    GenerationScheduler scheduler,
    ICodeSandbox? sandbox,
    IAnswerExtractor extractor,
    IEquivalenceChecker checker,
    PhaseTimes times)
{
    private readonly GenerationConfig _generation = spec.EffectiveGeneration;
    private int _programTimeouts;

    /// <summary>Programs that hit the sandbox's time limit so far.</summary>
    public int ProgramTimeouts => Volatile.Read(ref _programTimeouts);

    /// <summary>Solves one item. The first model request is queued before the first await, so a caller that was admitted
    /// by the in-flight gate holds its place.</summary>
    public async Task<SampleRecord> SolveAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var state = new State(item);
        await GenerateAsync(state, cancellationToken);
        switch (spec.Prompt)
        {
            case PromptStyle.Pot or PromptStyle.Bare:
                if (state.Status == CompletionStatus.Ok) await RunProgramAsync(state, cancellationToken);
                break;
            case PromptStyle.Tir:
                await RunToolRoundsAsync(state, cancellationToken);
                break;
        }
        var clock = Stopwatch.StartNew();
        var record = Finish(state);
        times.AddGrade(clock.Elapsed);
        return record;
    }

    private async Task GenerateAsync(State state, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var request = new GenerationRequest(state.Item.Problem.Id, state.Item.Sample, state.Item.Messages, state.Transcript, _generation);
        var completion = await scheduler.GenerateAsync(request, cancellationToken);
        times.AddGenerate(clock.Elapsed);
        if (completion.Status == CompletionStatus.Ok) state.Transcript += completion.Text;
        else if (state.Transcript.Length == 0) { state.Status = completion.Status; state.Error = completion.Error; }
        else state.Continuable = false; // a continuation failed: grade what was produced so far
    }

    private async Task RunProgramAsync(State state, CancellationToken cancellationToken)
    {
        state.Code = CodeBlocks.ProgramOf(state.Transcript);
        if (state.Code is null)
        {
            state.Answer = extractor.FromText(state.Transcript, state.Item.Problem);
            return;
        }
        var result = await ExecuteAsync(state.Code, cancellationToken);
        state.Executions.Add(ExecutionRecord.From(result));
        state.Answer = result.Status == ExecStatus.Ok
            ? extractor.FromProgramOutput(result.Stdout, state.Item.Problem.AnswerKind)
            : new ExtractedAnswer(null, "exec-" + VerdictNames.Name(result.Status));
    }

    private async Task RunToolRoundsAsync(State state, CancellationToken cancellationToken)
    {
        for (var round = 0; round < spec.MaxToolRounds; round++)
        {
            if (state.Status != CompletionStatus.Ok || !state.Continuable) return;
            var code = CodeBlocks.PendingToolCall(state.Transcript);
            if (code is null) return;
            var result = await ExecuteAsync(code, cancellationToken);
            state.Code = code;
            state.Executions.Add(ExecutionRecord.From(result));
            state.Transcript = state.Transcript.TrimEnd() + "\n" + CodeBlocks.OutputBlock(ToolOutput(result));
            await GenerateAsync(state, cancellationToken);
        }
    }

    private async Task<ExecResult> ExecuteAsync(string code, CancellationToken cancellationToken)
    {
        if (sandbox is null) return ExecResult.SandboxFailure("no sandbox: this prompt style needs one (use --sandbox docker or local-unsafe)");
        var clock = Stopwatch.StartNew();
        var result = await sandbox.RunPythonAsync(code, cancellationToken);
        times.AddExecute(clock.Elapsed);
        if (result.Status == ExecStatus.Timeout) Interlocked.Increment(ref _programTimeouts);
        return result;
    }

    /// <summary>What the model sees of a run: its output, or the last line of its error, as ToRA shows it.</summary>
    private static string ToolOutput(ExecResult result) => result.Status switch
    {
        ExecStatus.Ok => result.Stdout,
        ExecStatus.Timeout => "TimeoutError: the program ran out of time",
        ExecStatus.Memory => "MemoryError",
        _ => result.Stderr.TrimEnd().Split('\n')[^1],
    };

    private SampleRecord Finish(State state)
    {
        var problem = state.Item.Problem;
        if (state.Status != CompletionStatus.Ok)
        {
            var word = state.Status == CompletionStatus.Missing ? "missing" : "error";
            return Record(state, null, word, null, new Grade(false, null, word, word, null, null));
        }
        var answer = state.Answer ?? (spec.Prompt is PromptStyle.Pot or PromptStyle.Bare
            ? ExtractedAnswer.None
            : extractor.FromText(state.Transcript, problem)); // the problem: its question names the asked variable
        var sandboxFailed = state.Executions.Any(e => e.Status == ExecStatus.SandboxFailure);
        var grade = Grader.Judge(answer, problem, checker);
        return Record(state, sandboxFailed ? null : grade.Correct, grade.Path, answer.Answer, grade);
    }

    private static SampleRecord Record(State state, bool? correct, string path, string? extracted, Grade grade) => new(
        state.Item.Problem.Id, state.Item.Problem.Benchmark, state.Item.Problem.Index, state.Item.Sample,
        state.Item.PromptHash, state.Status, state.Transcript, state.Code, state.Executions,
        extracted, grade.ExtractionMethod, state.Item.Problem.Reference, correct, path,
        grade.NormalizedPrediction, grade.NormalizedReference, state.Error,
        ContentHashes.Problem(state.Item.Problem), ContentHashes.Reference(state.Item.Problem));

    private sealed class State(WorkItem item)
    {
        public WorkItem Item { get; } = item;
        public string Transcript { get; set; } = "";
        public CompletionStatus Status { get; set; } = CompletionStatus.Ok;
        public bool Continuable { get; set; } = true;
        public string? Error { get; set; }
        public string? Code { get; set; }
        public List<ExecutionRecord> Executions { get; } = [];
        public ExtractedAnswer? Answer { get; set; }
    }
}
