using System.CommandLine;
using System.Diagnostics;
using SIaM.Core.Backends;
using SIaM.Core.Validation;
using SIaM.Tokenization;
using SIaM.TorchSharp;
using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;

namespace SIaM.Cli.Commands;

/// <summary><c>siam generate --model hf:DIR (--text T | --input-ids 0,0,0,52)</c>: one continuation, printed as text and ids.</summary>
internal static class GenerateCommand
{
    private static readonly Option<string> Model = new("--model")
    {
        Description = "hf:DIR[#device=cpu,dtype=float32,threads=1] — a Hugging Face checkpoint directory",
        Required = true,
    };
    private static readonly Option<string?> Text = new("--text")
    {
        Description = "Prompt text (encoded with the tokenizer, special tokens added, no chat template)",
    };
    private static readonly Option<string?> InputIds = new("--input-ids") { Description = "Prompt token ids, comma-separated (e.g. 0,0,0,52)" };
    private static readonly Option<int> MaxNewTokens = new("--max-new-tokens") { Description = "Tokens to generate", DefaultValueFactory = _ => 32 };
    private static readonly Option<bool> Greedy = new("--greedy") { Description = "Argmax decoding (the default unless --temperature > 0; overrides it)" };
    private static readonly Option<double> Temperature = new("--temperature")
    {
        Description = "Sampling temperature; 0 = greedy",
        DefaultValueFactory = _ => 0,
    };
    private static readonly Option<double> TopP = new("--top-p") { DefaultValueFactory = _ => 1 };
    private static readonly Option<int> TopK = new("--top-k") { DefaultValueFactory = _ => 0 };
    private static readonly Option<int> Seed = new("--seed") { DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> NoCache = new("--no-cache") { Description = "Recompute the whole sequence at every step" };
    private static readonly Option<bool> IgnoreEos = new("--ignore-eos") { Description = "Do not stop at end-of-sequence tokens" };

    public static Command Create()
    {
        var command = new Command("generate", "Generate a continuation with an hf: checkpoint; prints the text and the token ids");
        foreach (var option in new Option[] { Model, Text, InputIds, MaxNewTokens, Greedy, Temperature, TopP, TopK, Seed, NoCache, IgnoreEos })
            command.Options.Add(option);
        command.SetAction((result, ct) => Task.FromResult(Run(result, ct)));
        return command;
    }

    private static int Run(ParseResult result, CancellationToken cancellationToken)
    {
        // Every option is checked before the checkpoint is loaded.
        Preflight.ThrowIfInvalid(Validators(result));
        var (directory, options) = TorchSharpBackendOptions.ParseSpecArgument(result.GetValue(Model)!["hf:".Length..]);
        var text = result.GetValue(Text);
        var ids = result.GetValue(InputIds);
        var maxNewTokens = result.GetValue(MaxNewTokens);
        TorchRuntime.EnsureConfigured(options.CpuThreads);
        var tokenizer = File.Exists(Path.Combine(directory, "tokenizer.json")) ? HfTokenizer.Load(directory) : null;
        var prompt = text is not null ? tokenizer!.Encode(text) : ParseIds(ids!);
        using var lm = CausalLm.FromPretrained(directory, TorchDevices.ParseDevice(options.Device), TorchDevices.ParseDType(options.DType));
        var outOfRange = prompt.FirstOrDefault(id => id >= lm.Config.VocabSize, -1);
        if (outOfRange >= 0) throw new UsageException($"token id {outOfRange} is outside the vocabulary of {lm.Config.VocabSize}");
        var sampling = result.GetValue(Greedy)
            ? SamplingOptions.Greedy
            : new SamplingOptions(result.GetValue(Temperature), result.GetValue(TopP), result.GetValue(TopK));
        var eos = result.GetValue(IgnoreEos) ? [] : (tokenizer?.EosTokenIds ?? []).Concat(lm.Config.EosTokenIds).ToHashSet();
        var watch = Stopwatch.StartNew();
        var generated = new BatchGenerator(lm).Generate([prompt],
            new GenerationOptions(maxNewTokens, sampling, [SampleSeed.Mix(result.GetValue(Seed), "generate", 0)], eos, !result.GetValue(NoCache)),
            cancellationToken).Single();
        watch.Stop();

        Console.WriteLine($"prompt ids: {string.Join(",", prompt)}");
        Console.WriteLine($"generated ids: {string.Join(",", generated.Tokens)}");
        if (tokenizer is not null) Console.WriteLine($"text: {tokenizer.Decode(generated.Tokens)}");
        Console.Error.WriteLine($"{generated.Tokens.Count} tokens in {watch.Elapsed.TotalMilliseconds:F0} ms, finish: {generated.FinishReason}");
        return ExitCodes.Success;
    }

    private static GenerationConfig Config(ParseResult result) =>
        new(result.GetValue(Temperature), result.GetValue(TopP), result.GetValue(TopK), result.GetValue(MaxNewTokens));

    private static IEnumerable<IOptionValidator> Validators(ParseResult result)
    {
        var spec = result.GetValue(Model)!;
        var text = result.GetValue(Text);
        var ids = result.GetValue(InputIds);
        var hf = spec.StartsWith("hf:", StringComparison.Ordinal);
        yield return new RequirementValidator(!hf, $"--model must be hf:DIR (generate runs a local checkpoint), got '{spec}'");
        var checkpoint = hf ? BackendFactory.Validator("--model", spec) : null;
        if (checkpoint is not null) yield return checkpoint;
        yield return new RequirementValidator((text is null) == (ids is null), "give exactly one of --text and --input-ids");
        yield return new GenerationConfigValidator(Config(result));
        if (checkpoint is null || checkpoint.Validate().Any()) yield break;
        var directory = TorchSharpBackendOptions.ParseSpecArgument(spec["hf:".Length..]).Directory;
        yield return new RequirementValidator(text is not null && !File.Exists(Path.Combine(directory, "tokenizer.json")),
            $"--text: {directory} has no tokenizer.json: use --input-ids");
        if (ids is not null) yield return new CheckValidator(() => CheckIds(ParseIds(ids), directory));
    }

    // The ids against the vocabulary size in config.json (a small settings file; the weights are not read).
    private static void CheckIds(int[] ids, string directory)
    {
        var vocabulary = CausalLmConfigReader.ReadDirectory(directory).VocabSize;
        var outOfRange = ids.FirstOrDefault(id => id >= vocabulary, -1);
        if (outOfRange >= 0) throw new UsageException($"--input-ids: token id {outOfRange} is outside the vocabulary of {vocabulary}");
    }

    private static int[] ParseIds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new UsageException("--input-ids is empty");
        return parts.Select(p => int.TryParse(p, out var id) && id >= 0 ? id : throw new UsageException($"--input-ids: '{p}' is not a token id")).ToArray();
    }
}
