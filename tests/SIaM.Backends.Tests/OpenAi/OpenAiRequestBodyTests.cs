using SIaM.Backends.OpenAi;
using SIaM.Backends.Tests.Support;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.OpenAi;

[TestFixture]
public sealed class OpenAiRequestBodyTests
{
    private static readonly OpenAiBackendOptions Chat = new(new Uri("http://h/v1"), "m");

    [Test]
    public void A_chat_request_with_an_assistant_prefix_asks_to_continue_the_final_message()
    {
        // Arrange
        var request = Requests.Make(
            3,
            sample: 2,
            prefix: "```python\n",
            config: new GenerationConfig(Temperature: 0.6, TopK: 40, MaxNewTokens: 512, Stop: ["```output"], Seed: 10));

        // Act
        var body = JsonText.Write(OpenAiRequestBody.Create(request, Chat));

        // Assert
        Assert.That(body, Is.EqualTo(
            """{"model":"m","continue_final_message":true,"add_generation_prompt":false,"messages":[""" +
            """{"role":"system","content":"Solve with Python."},{"role":"user","content":"What is 3 + 3?"},""" +
            """{"role":"assistant","content":"```python\n"}],"max_tokens":512,"temperature":0.6,"top_p":""" +
            """1,"top_k":40,"seed":1237400022,"stop":["```output"],"n":1,"stream":false}"""));
    }

    [Test]
    public void A_greedy_completions_request_sends_the_plain_prompt_and_no_top_k_or_stop()
    {
        // Arrange
        var request = Requests.Make(3, prefix: "Answer: ");

        // Act
        var body = JsonText.Write(OpenAiRequestBody.Create(request, Chat with { Api = OpenAiApi.Completions }));

        // Assert
        Assert.That(body, Is.EqualTo(
            """{"model":"m","prompt":"Solve with Python.\n\nWhat is 3 + 3?\n\nAnswer: ","max_tokens":""" +
            """1024,"temperature":0,"top_p":1,"seed":928028383,"n":1,"stream":false}"""));
    }
}
