using PuppeteerSharp;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Exporters;

/// <summary>
/// report.html of the fixed runs (gsm8k regressed: 8 correct → wrong, one of them timed out) driven in Debian's Chromium.
/// One browser and one written report serve every test; each test opens its own page and checks it logged no error.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public sealed class ReportViewerInBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private TempDirectory _temp = null!;
    private IBrowser _browser = null!;
    private string _report = null!;

    [OneTimeSetUp]
    public async Task WriteTheReportAndStartChromium()
    {
        if (!File.Exists(Chromium))
        {
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 }) Assert.Fail($"{Chromium} missing: .ci/run installs chromium");
            Assert.Ignore($"{Chromium} not installed (apt install chromium)");
        }
        _temp = new TempDirectory();
        ReportBuilder.Write(FixedReport.Build(_temp), _temp.File("out"), ["html", "diff"]);
        _report = new Uri(Path.Combine(_temp.File("out"), "report.html")).AbsoluteUri;
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    [OneTimeTearDown]
    public async Task StopChromium()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _temp?.Dispose();
    }

    [Test]
    public async Task The_verdict_comes_first_and_clicking_the_failing_row_lists_its_regressions_first()
    {
        var (page, errors) = await Open(_report);

        Assert.That(await Text(page, "#verdict strong"), Is.EqualTo("REGRESSION"));
        Assert.That(await Text(page, "#verdict ul"), Does.Contain("gsm8k").And.Contain("drop"));
        Assert.That(await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('#results tr.regression td.gate')].map(td => td.textContent)"), Is.EqualTo(new[] { "FAIL", "FAIL" }));
        await page.ClickAsync("#results tr.regression[data-name=gsm8k]");
        await page.WaitForSelectorAsync("#flip-list li");

        var anchors = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#flip-list li')].map(li => li.dataset.anchor)");
        Assert.That(anchors, Is.EqualTo(Enumerable.Range(0, 8).Select(i => $"flip-gsm8k-gsm8k-{i:D3}-0").Append("flip-gsm8k-gsm8k-035-0")));
        Assert.That(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#flip-list li.fail-row').length"), Is.EqualTo(8));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task Opening_a_flip_shows_both_answers_and_marks_the_changed_program_line()
    {
        var (page, errors) = await Open(_report + "#flips");

        await page.ClickAsync("#flip-list li[data-id=gsm8k-003]");
        await page.WaitForSelectorAsync("#flip-detail table.diff[data-part=program] tr.changed");

        var changed = await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('#flip-detail table.diff[data-part=program] tr.changed td.del, " +
            "#flip-detail table.diff[data-part=program] tr.changed td.ins')]" +
            ".map(td => td.className + ':' + td.textContent)");
        Assert.That(changed, Is.EqualTo(new[] { "del:print(3)", "ins:print(4)" }));
        var keywords = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#flip-detail table.diff[data-part=program] .hl-kw').length");
        Assert.That(keywords, Is.GreaterThan(0));
        Assert.That(await Text(page, "#flip-detail dl"), Does.Contain("reference3").And.Contain("boxed → 4 → vs reference 3 (numeric) → wrong"));
        Assert.That(await page.EvaluateExpressionAsync<string>("document.querySelector('#flip-detail h3 a').getAttribute('href')"),
            Is.EqualTo("diff.md#flip-gsm8k-gsm8k-003-0"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_diff_md_link_opens_its_flip_and_j_and_k_move_between_flips()
    {
        var diff = File.ReadAllText(Path.Combine(_temp.File("out"), "diff.md"));
        Assert.That(diff, Does.Contain("(report.html#flip-gsm8k-gsm8k-007-0)"));
        var (page, errors) = await Open(_report + "#flip-gsm8k-gsm8k-007-0");
        await page.WaitForSelectorAsync("#flip-list li.sel");

        Assert.That(await Selected(page, "flip-list"), Is.EqualTo("flip-gsm8k-gsm8k-007-0"));
        await page.Keyboard.PressAsync("j");
        Assert.That(await Selected(page, "flip-list"), Is.EqualTo("flip-cmath-cmath-003-0"), "after the failing rows' regressions, by benchmark");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("k");
        Assert.That(await Selected(page, "flip-list"), Is.EqualTo("flip-gsm8k-gsm8k-006-0"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task Searching_an_id_leaves_only_that_flip()
    {
        var (page, errors) = await Open(_report + "#flips");

        await page.TypeAsync("#flip-search", "gsm8k-035");

        Assert.That(await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#flip-list li')].map(li => li.dataset.id)"),
            Is.EqualTo(new[] { "gsm8k-035" }));
        Assert.That(await Text(page, "#flip-count"), Is.EqualTo("1 of 10 flips"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task The_sample_browser_of_a_row_filters_to_one_execution_status()
    {
        var (page, errors) = await Open(_report);
        await page.ClickAsync("#results tr.regression[data-name=gsm8k] td.links a[href^='#samples']");
        await page.WaitForSelectorAsync("#sample-list li");
        Assert.That(await Text(page, "#sample-count"), Is.EqualTo("39"), "the candidate's gsm8k samples (39 is missing)");

        await page.SelectAsync("#sample-tools select[name=exec]", "timeout");

        Assert.That(await Text(page, "#sample-count"), Is.EqualTo("1"));
        Assert.That(await Text(page, "#sample-detail"), Does.Contain("gsm8k-007").And.Contain("Execution 1: timeout").And.Contain("Traceback: boom"));
        await page.SelectAsync("#sample-tools select[name=exec]", "");
        await page.SelectAsync("#sample-tools select[name=verdict]", "wrong");
        Assert.That(await Text(page, "#sample-count"), Is.EqualTo("16"));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_page_that_logs_a_console_error_is_caught_by_the_same_check()
    {
        var bad = _temp.File("bad.html");
        File.WriteAllText(bad, "<!DOCTYPE html><html><body><script>console.error('boom')</script></body></html>");

        var (_, errors) = await Open(new Uri(bad).AbsoluteUri, viewer: false);

        Assert.That(errors, Has.Some.Contains("boom"));
    }

    private async Task<(IPage Page, List<string> Errors)> Open(string url, bool viewer = true)
    {
        var page = await _browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) lock (errors) errors.Add(e.Message.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e.Message); };
        await page.SetViewportAsync(new ViewPortOptions { Width = 1300, Height = 900 });
        await page.GoToAsync(url, WaitUntilNavigation.Load);
        if (viewer) await page.WaitForSelectorAsync("body[data-ready-ms]");
        return (page, errors);
    }

    private static Task<string> Text(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent", selector);

    private static Task<string> Selected(IPage page, string list) =>
        page.EvaluateFunctionAsync<string>("id => document.querySelector('#' + id + ' li.sel').dataset.anchor", list);
}
