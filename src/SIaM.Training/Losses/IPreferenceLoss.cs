namespace SIaM.Training.Losses;

/// <summary>A loss over chosen/rejected pairs (DPO, IPO, ORPO, KTO, SimPO); returns a scalar averaged over the batch.</summary>
public interface IPreferenceLoss
{
    /// <summary>The algorithm's name as the CLI spells it (<c>dpo</c>, <c>ipo</c>, …).</summary>
    string Name { get; }

    /// <summary>True when the loss uses reference-model log-probabilities (computed once and cached by the trainer).</summary>
    bool NeedsReference { get; }

    /// <summary>True when the loss needs the KL terms of mismatched pairs (KTO).</summary>
    bool NeedsKlTerms => false;

    /// <summary>The scalar loss of the batch.</summary>
    global::TorchSharp.torch.Tensor Compute(PreferenceInputs inputs);
}
