namespace SIaM.TorchSharp;

/// <summary>The argument of an <c>hf:</c> model spec: the checkpoint directory and its options.</summary>
public sealed record HfModelSpec(string Directory, TorchSharpBackendOptions Options);
