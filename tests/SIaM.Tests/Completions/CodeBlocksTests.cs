using SIaM.Core.Completions;

namespace SIaM.Tests.Completions;

public sealed class CodeBlocksTests
{
    [Test]
    public void Takes_the_last_python_block_of_a_program_of_thought_answer()
    {
        // Arrange
        const string completion = "First try:\n```python\nprint(1)\n```\nBetter:\n```python\nx = 2\nprint(x)\n```\n";

        // Act
        var program = CodeBlocks.ProgramOf(completion);

        // Assert
        Assert.That(program, Is.EqualTo("x = 2\nprint(x)\n"));
    }

    [Test]
    public void Runs_an_unclosed_last_block_cut_off_by_the_token_limit()
    {
        Assert.That(CodeBlocks.ProgramOf("```python\nprint(3)\n"), Is.EqualTo("print(3)\n"));
    }

    [Test]
    public void Treats_a_completion_without_fences_as_bare_code_only_when_it_prints()
    {
        Assert.That(CodeBlocks.ProgramOf("a = 4\nprint(a)"), Is.EqualTo("a = 4\nprint(a)\n"));
        Assert.That(CodeBlocks.ProgramOf("The answer is 4."), Is.Null);
    }

    [Test]
    public void Ignores_output_blocks_when_looking_for_the_program()
    {
        Assert.That(CodeBlocks.ProgramOf("```python\nprint(5)\n```\n```output\n5\n```\n"), Is.EqualTo("print(5)\n"));
    }

    [Test]
    public void Sees_a_pending_tool_call_only_when_code_ends_the_completion()
    {
        Assert.That(CodeBlocks.PendingToolCall("Let me compute.\n```python\nprint(2+2)\n```\n"), Is.EqualTo("print(2+2)\n"));
        Assert.That(CodeBlocks.PendingToolCall("```python\nprint(2+2)\n```\n```output\n4\n```\nSo $\\boxed{4}$."), Is.Null);
        Assert.That(CodeBlocks.PendingToolCall("```python\nprint(2+2)\n```\nThe answer is 4."), Is.Null);
        Assert.That(CodeBlocks.PendingToolCall("No code at all."), Is.Null);
    }

    [Test]
    public void Formats_program_output_as_an_output_block()
    {
        Assert.That(CodeBlocks.OutputBlock("4\n\n"), Is.EqualTo("```output\n4\n```\n"));
    }
}
