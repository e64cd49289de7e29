using TorchSharp.PyBridge;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace SIaM.Training.Optimization;

/// <summary>
/// AdamW with decoupled weight decay, step for step as <c>torch.optim.AdamW</c> computes it; its moments can be saved
/// and restored so that a resumed run continues exactly.
/// </summary>
public sealed class AdamW : IDisposable
{
    private readonly IReadOnlyList<(string Name, Parameter Parameter)> _parameters;
    private readonly Dictionary<string, Tensor> _m = new();
    private readonly Dictionary<string, Tensor> _v = new();

    /// <summary>Optimises <paramref name="parameters"/> (named, so that the state can be saved by name).</summary>
    public AdamW(
        IEnumerable<(string Name, Parameter Parameter)> parameters,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double eps = 1e-8,
        double weightDecay = 0.0)
    {
        _parameters = parameters.Where(p => p.Parameter.requires_grad).ToList();
        (Beta1, Beta2, Eps, WeightDecay) = (beta1, beta2, eps, weightDecay);
        foreach (var (name, p) in _parameters)
        {
            _m[name] = zeros_like(p);
            _v[name] = zeros_like(p);
        }
    }

    /// <summary>First-moment decay.</summary>
    public double Beta1 { get; }

    /// <summary>Second-moment decay.</summary>
    public double Beta2 { get; }

    /// <summary>Denominator term.</summary>
    public double Eps { get; }

    /// <summary>Decoupled weight decay.</summary>
    public double WeightDecay { get; }

    /// <summary>Updates taken so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>The optimised parameters.</summary>
    public IEnumerable<Parameter> Parameters => _parameters.Select(p => p.Parameter);

    /// <summary>One update with learning rate <paramref name="lr"/>; parameters without a gradient are skipped.</summary>
    public void Step(double lr)
    {
        StepCount++;
        var correction1 = 1 - Math.Pow(Beta1, StepCount);
        var correction2 = 1 - Math.Pow(Beta2, StepCount);
        using var noGrad = no_grad();
        foreach (var (name, p) in _parameters)
        {
            if (p.grad is not { } g) continue;
            using var scope = NewDisposeScope();
            p.mul_(1 - lr * WeightDecay);
            _m[name].lerp_(g, 1 - Beta1);
            _v[name].mul_(Beta2).addcmul_(g, g, 1 - Beta2);
            var denominator = (_v[name].sqrt() / Math.Sqrt(correction2)).add_(Eps);
            p.addcdiv_(_m[name], denominator, -lr / correction1);
        }
    }

    /// <summary>Clears the gradients.</summary>
    public void ZeroGrad()
    {
        foreach (var (_, p) in _parameters)
            if (p.grad is { } g)
            {
                g.detach_();
                g.zero_();
            }
    }

    /// <summary>Writes the moments to a safetensors file (the step count is saved by the caller).</summary>
    public void Save(string path)
    {
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, _) in _parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            tensors["m." + name] = _m[name].contiguous();
            tensors["v." + name] = _v[name].contiguous();
        }
        Safetensors.SaveStateDict(path, tensors);
    }

    /// <summary>Restores moments written by <see cref="Save"/> and the step count.</summary>
    public void Load(string path, int stepCount)
    {
        var tensors = Safetensors.LoadStateDict(path);
        try
        {
            using var noGrad = no_grad();
            foreach (var (name, _) in _parameters)
            {
                _m[name].copy_(tensors["m." + name]);
                _v[name].copy_(tensors["v." + name]);
            }
            StepCount = stepCount;
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in _m.Values.Concat(_v.Values)) t.Dispose();
    }
}
