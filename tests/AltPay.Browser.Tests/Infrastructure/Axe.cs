using System.Text.Json;
using Microsoft.Playwright;

namespace AltPay.Browser.Tests.Infrastructure;

/// <summary>A rule that axe-core found broken, with a CSS selector for each offending element.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Id} ({Impact}): {Help} at {string.Join(" | ", Targets)}";
}

public static class Axe
{
    /// <summary>WCAG 2.0 and 2.1, levels A and AA, as axe-core tags its rules.</summary>
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    // A shadow-DOM target is an array of selectors, one per shadow root; it is joined with " >>> ".
    private const string RunScript =
        """
        async (tags) => {
            const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
            return results.violations.map(violation => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                targets: violation.nodes.map(node => node.target
                    .map(target => Array.isArray(target) ? target.join(" >>> ") : target)
                    .join(" ")),
            }));
        }
        """;

    /// <summary>
    /// Injects axe-core from node_modules into the page and runs the WCAG 2 A and AA rules on the whole
    /// document. The page must come from a context that bypasses the Content-Security-Policy.
    /// </summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepositoryPaths.AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(RunScript, WcagTags);
        return violations.Deserialize<List<AxeViolation>>(JsonSerializerOptions.Web)!;
    }
}
