using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Tokenization;
using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Scoring;

namespace SIaM.TorchSharp;

/// <summary>
/// <c>hf:DIR</c>: a Hugging Face Llama / Qwen2 / Mistral checkpoint run in-process with TorchSharp. Prompts are rendered
/// with the tokenizer's chat template (plain prompt when it has none) and decoded with a KV cache by continuous batching:
/// one running batch of up to <c>batch=</c> sequences, which a request joins as soon as a row is free, whatever its
/// decoding settings (each sequence samples from its own seeded stream). Scoring takes turns with decode steps: one model,
/// one forward pass at a time. As an <see cref="ICandidateScorer"/> it scores candidates exactly (see <see cref="ScoreAsync"/>).
/// </summary>
public sealed partial class TorchSharpBackend : IModelBackend, ICandidateScorer, IBatchingBackend
{
    private readonly CausalLm _lm;
    private readonly HfTokenizer _tokenizer;
    private readonly ContinuousBatchGenerator _generator;
    private readonly IReadOnlyCollection<int> _eos;
    private readonly TorchSharpBackendOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private TorchSharpBackend(string spec, CausalLm lm, HfTokenizer tokenizer, TorchSharpBackendOptions options)
    {
        Spec = spec;
        _lm = lm;
        _tokenizer = tokenizer;
        _options = options;
        _generator = new ContinuousBatchGenerator(lm, options.MaxBatchSize, _gate);
        _eos = tokenizer.EosTokenIds.Concat(lm.Config.EosTokenIds).ToHashSet();
    }

    /// <inheritdoc />
    public string Spec { get; }

    /// <summary>The loaded model (for tools that need more than text generation).</summary>
    public CausalLm Model => _lm;

    /// <inheritdoc />
    public int MaxBatchSize => _options.MaxBatchSize;

    /// <summary>The checkpoint's tokenizer.</summary>
    public HfTokenizer Tokenizer => _tokenizer;

    /// <summary>Loads <c>DIR</c> (or <c>DIR#device=…,dtype=…,batch=…,threads=…</c>), the argument of an <c>hf:</c> spec.</summary>
    public static TorchSharpBackend Load(string argument)
    {
        var (directory, options) = TorchSharpBackendOptions.ParseSpecArgument(argument);
        if (!Directory.Exists(directory)) throw new InputException($"hf:{directory}: no such directory");
        TorchRuntime.EnsureConfigured(options.CpuThreads);
        var tokenizer = HfTokenizer.Load(directory);
        var lm = CausalLm.FromPretrained(directory, TorchDevices.ParseDevice(options.Device), TorchDevices.ParseDType(options.DType));
        return new TorchSharpBackend("hf:" + argument, lm, tokenizer, options);
    }

    /// <inheritdoc />
    public bool JoinsRunningBatch => true;

    /// <summary>
    /// Queues each request into the running batch (<see cref="ContinuousBatchGenerator"/>) and returns when all of them
    /// have finished. Concurrent calls share the batch: a request joins as soon as a row is free, whatever call it came in.
    /// </summary>
    public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Task.WhenAll(requests.Select(r => GenerateOneAsync(r, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<Completion> GenerateOneAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> prompt;
        try
        {
            prompt = Encode(request);
        }
        catch (ArgumentException e)
        {
            return Completion.Failed($"cannot render the prompt: {e.Message}");
        }
        var room = _lm.Config.MaxPositionEmbeddings - prompt.Count;
        if (room <= 0)
            return Completion.Failed($"prompt of {prompt.Count} tokens leaves no room in the model's context of {_lm.Config.MaxPositionEmbeddings}");
        var config = request.Config;
        var stops = new StopSequenceMatcher(config.StopSequences, ids => _tokenizer.Decode(ids));
        var sequence = await _generator.GenerateAsync(
            new SequenceRequest(
                prompt,
                Math.Min(config.MaxNewTokens, room),
                new SamplingOptions(config.Temperature, config.TopP, config.TopK),
                SampleSeed.Of(request),
                _eos,
                stops.EndsGeneration),
            cancellationToken).ConfigureAwait(false);
        var truncated = stops.Truncate(_tokenizer.Decode(sequence.Tokens));
        var reason = truncated.Stopped ? "stop" : sequence.FinishReason;
        return new Completion(truncated.Text, CompletionStatus.Ok, reason, prompt.Count, sequence.Tokens.Count);
    }

    // A request without messages is a raw completion prompt (e.g. /v1/completions through `siam serve`): no template.
    private IReadOnlyList<int> Encode(GenerationRequest request) =>
        EncodePrompt(PromptText(request.Messages, request.AssistantPrefix, request.PlainPrompt), Raw(request.Messages));

    private bool Raw(IReadOnlyList<ChatMessage> messages) => _tokenizer.ChatTemplate.IsPlain || messages.Count == 0;

    private string PromptText(IReadOnlyList<ChatMessage> messages, string prefix, string plain) =>
        Raw(messages) ? plain : _tokenizer.ChatTemplate.Render(messages, addGenerationPrompt: true) + prefix;

    private IReadOnlyList<int> EncodePrompt(string text, bool raw) => _tokenizer.Encode(text, addSpecialTokens: raw);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _generator.DisposeAsync().ConfigureAwait(false);
        _lm.Dispose();
        _gate.Dispose();
    }
}
