namespace SIaM.Backends.OpenAi;

/// <summary>Which OpenAI endpoint a backend calls.</summary>
public enum OpenAiApi
{
    /// <summary><c>POST {base}/chat/completions</c>: the server applies the model's chat template.</summary>
    Chat,
    /// <summary><c>POST {base}/completions</c>: the prompt is <see cref="Core.Backends.GenerationRequest.PlainPrompt"/>.</summary>
    Completions,
}
