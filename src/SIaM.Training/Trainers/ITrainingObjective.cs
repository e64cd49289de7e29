using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.Training.Trainers;

/// <summary>A data set and the loss of a batch of it; the trainer picks which examples (by index) go into each batch.</summary>
public interface ITrainingObjective
{
    /// <summary>Examples available.</summary>
    int Count { get; }

    /// <summary>The scalar loss of the examples at <paramref name="indices"/>, with a graph back to the model's parameters.</summary>
    Tensor Loss(CausalLm lm, IReadOnlyList<int> indices);
}
