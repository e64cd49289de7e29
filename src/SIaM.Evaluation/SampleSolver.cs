using SIaM.Core.Backends;
using SIaM.Core.Completions;
using SIaM.Core.Grading;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;

namespace SIaM.Evaluation;

/// <summary>
/// Turns a batch of work items into graded sample records: generate → (execute, and for tool-integrated answers
/// continue the model, a bounded number of rounds) → extract → grade.
/// </summary>
public sealed class SampleSolver(
    RunSpec spec,
    IModelBackend backend,
    ICodeSandbox? sandbox,
    IAnswerExtractor extractor,
    IEquivalenceChecker checker)
{
    private readonly GenerationConfig _generation = spec.EffectiveGeneration;

    /// <summary>Solves every item of the batch; records come back in item order.</summary>
    public async Task<IReadOnlyList<SampleRecord>> SolveAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var states = items.Select(item => new State(item)).ToList();
        await GenerateAsync(states, cancellationToken);
        switch (spec.Prompt)
        {
            case PromptStyle.Pot or PromptStyle.Bare:
                await Task.WhenAll(states.Where(s => s.Status == CompletionStatus.Ok).Select(s => RunProgramAsync(s, cancellationToken)));
                break;
            case PromptStyle.Tir:
                await RunToolRoundsAsync(states, cancellationToken);
                break;
        }
        return states.Select(Finish).ToList();
    }

    private async Task GenerateAsync(List<State> states, CancellationToken cancellationToken)
    {
        var requests = states.Select(s => new GenerationRequest(s.Item.Problem.Id, s.Item.Sample, s.Item.Messages, s.Transcript, _generation)).ToList();
        var completions = await backend.GenerateAsync(requests, cancellationToken);
        if (completions.Count != states.Count)
            throw new InvalidOperationException($"backend {backend.Spec} returned {completions.Count} completions for {states.Count} requests");
        for (var i = 0; i < states.Count; i++)
        {
            var state = states[i];
            var completion = completions[i];
            if (completion.Status == CompletionStatus.Ok) state.Transcript += completion.Text;
            else if (state.Transcript.Length == 0) { state.Status = completion.Status; state.Error = completion.Error; }
            else state.Continuable = false; // a continuation failed: grade what was produced so far
        }
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

    private async Task RunToolRoundsAsync(List<State> states, CancellationToken cancellationToken)
    {
        for (var round = 0; round < spec.MaxToolRounds; round++)
        {
            var pending = states
                .Where(s => s.Status == CompletionStatus.Ok && s.Continuable)
                .Select(s => (State: s, Code: CodeBlocks.PendingToolCall(s.Transcript)))
                .Where(p => p.Code is not null)
                .ToList();
            if (pending.Count == 0) break;
            await Task.WhenAll(pending.Select(async p =>
            {
                var result = await ExecuteAsync(p.Code!, cancellationToken);
                p.State.Code = p.Code;
                p.State.Executions.Add(ExecutionRecord.From(result));
                p.State.Transcript = p.State.Transcript.TrimEnd() + "\n" + CodeBlocks.OutputBlock(ToolOutput(result));
            }));
            await GenerateAsync(pending.Select(p => p.State).ToList(), cancellationToken);
        }
    }

    private async Task<ExecResult> ExecuteAsync(string code, CancellationToken cancellationToken) =>
        sandbox is null
            ? ExecResult.SandboxFailure("no sandbox: this prompt style needs one (use --sandbox docker or local-unsafe)")
            : await sandbox.RunPythonAsync(code, cancellationToken);

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
