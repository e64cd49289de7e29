using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Tokenization;
using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Scoring;

namespace SIaM.TorchSharp;

/// <summary>
/// <c>hf:DIR</c>: a Hugging Face Llama / Qwen2 / Mistral checkpoint run in-process with TorchSharp. Prompts are rendered
/// with the tokenizer's chat template (plain prompt when it has none), batched (left-padded) by identical decoding
/// settings, and decoded with a KV cache. Calls are serialised: one model, one batch at a time. As an
/// <see cref="ICandidateScorer"/> it scores candidates exactly (see <see cref="ScoreAsync"/>).
/// </summary>
public sealed partial class TorchSharpBackend : IModelBackend, ICandidateScorer, IBatchingBackend
{
    private readonly CausalLm _lm;
    private readonly HfTokenizer _tokenizer;
    private readonly BatchGenerator _generator;
    private readonly IReadOnlyCollection<int> _eos;
    private readonly TorchSharpBackendOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private TorchSharpBackend(string spec, CausalLm lm, HfTokenizer tokenizer, TorchSharpBackendOptions options)
    {
        Spec = spec;
        _lm = lm;
        _tokenizer = tokenizer;
        _options = options;
        _generator = new BatchGenerator(lm);
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
    public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        var results = new Completion[requests.Count];
        var prompts = new IReadOnlyList<int>?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                prompts[i] = Encode(requests[i]);
            }
            catch (ArgumentException e)
            {
                results[i] = Completion.Failed($"cannot render the prompt: {e.Message}");
            }
        }
        var groups = Enumerable.Range(0, requests.Count).Where(i => prompts[i] is not null)
            .GroupBy(i => DecodingKey(requests[i].Config))
            .SelectMany(g => g.Chunk(_options.MaxBatchSize));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var chunk in groups)
                await Task.Run(() => GenerateChunk(chunk, requests, prompts, results, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        return results;
    }

    // A request without messages is a raw completion prompt (e.g. /v1/completions through `siam serve`): no template.
    private IReadOnlyList<int> Encode(GenerationRequest request) =>
        EncodePrompt(PromptText(request.Messages, request.AssistantPrefix, request.PlainPrompt), Raw(request.Messages));

    private bool Raw(IReadOnlyList<ChatMessage> messages) => _tokenizer.ChatTemplate.IsPlain || messages.Count == 0;

    private string PromptText(IReadOnlyList<ChatMessage> messages, string prefix, string plain) =>
        Raw(messages) ? plain : _tokenizer.ChatTemplate.Render(messages, addGenerationPrompt: true) + prefix;

    private IReadOnlyList<int> EncodePrompt(string text, bool raw) => _tokenizer.Encode(text, addSpecialTokens: raw);

    private void GenerateChunk(int[] chunk, IReadOnlyList<GenerationRequest> requests, IReadOnlyList<int>?[] prompts,
        Completion[] results, CancellationToken cancellationToken)
    {
        var config = requests[chunk[0]].Config;
        var room = _lm.Config.MaxPositionEmbeddings - chunk.Max(i => prompts[i]!.Count);
        if (room <= 0)
        {
            foreach (var i in chunk)
                results[i] = Completion.Failed(
                    $"prompt of {prompts[i]!.Count} tokens leaves no room in the model's context of {_lm.Config.MaxPositionEmbeddings}");
            return;
        }
        var stops = new StopSequenceMatcher(config.StopSequences, ids => _tokenizer.Decode(ids));
        var options = new GenerationOptions(
            Math.Min(config.MaxNewTokens, room),
            new SamplingOptions(config.Temperature, config.TopP, config.TopK),
            chunk.Select(i => SampleSeed.Of(requests[i])).ToArray(),
            _eos,
            ShouldStop: (_, tokens) => stops.EndsGeneration(tokens));
        var sequences = _generator.Generate(chunk.Select(i => prompts[i]!).ToArray(), options, cancellationToken);
        for (var k = 0; k < chunk.Length; k++)
        {
            var sequence = sequences[k];
            var truncated = stops.Truncate(_tokenizer.Decode(sequence.Tokens));
            var reason = truncated.Stopped ? "stop" : sequence.FinishReason;
            results[chunk[k]] = new Completion(truncated.Text, CompletionStatus.Ok, reason, prompts[chunk[k]]!.Count, sequence.Tokens.Count);
        }
    }

    private static string DecodingKey(GenerationConfig c) =>
        $"{c.Temperature}|{c.TopP}|{c.TopK}|{c.MaxNewTokens}|{c.Seed}|{string.Join("\u0001", c.StopSequences)}";

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _lm.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
