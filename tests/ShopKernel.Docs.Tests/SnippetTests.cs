using System.Text.RegularExpressions;
using ShopKernel.Testing;

namespace ShopKernel.Docs.Tests;

/// <summary>
/// The C# the documentation shows is code this project compiles: a block after <c>&lt;!-- snippet: name --&gt;</c> in
/// README.md or a page of docs/ equals the region <c>// snippet: name</c> … <c>// end snippet</c> of a file here.
/// </summary>
public sealed partial class SnippetTests
{
    private static readonly string Root = Repository.Root();

    [Fact]
    public void Every_marked_block_of_the_documentation_is_compiled_code_of_this_project()
    {
        var regions = Directory.GetFiles(Path.Combine(Root, "tests", "ShopKernel.Docs.Tests"), "*.cs")
            .SelectMany(file => Region().Matches(File.ReadAllText(file)))
            .ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["code"].Value));
        var blocks = Documents().SelectMany(path => MarkedBlock().Matches(File.ReadAllText(path)).Select(m => (Path: path, Name: m.Groups["name"].Value, Code: Dedent(m.Groups["code"].Value)))).ToList();

        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            Assert.True(regions.TryGetValue(block.Name, out var code), $"{Path.GetRelativePath(Root, block.Path)}: no region '// snippet: {block.Name}' in tests/ShopKernel.Docs.Tests");
            Assert.True(code == block.Code, $"{Path.GetRelativePath(Root, block.Path)}: the block '{block.Name}' differs from its compiled region:\n--- docs ---\n{block.Code}\n--- code ---\n{code}");
        }

        Assert.Empty(regions.Keys.Except(blocks.Select(b => b.Name)));
    }

    [Fact]
    public void Every_csharp_block_of_the_documentation_is_marked()
    {
        var unmarked = Documents()
            .Select(path => (Page: Path.GetRelativePath(Root, path), Text: File.ReadAllText(path)))
            .Select(page => (page.Page, Blocks: CSharpBlock().Count(page.Text), Marked: MarkedBlock().Count(page.Text)))
            .Where(page => page.Blocks != page.Marked)
            .Select(page => $"{page.Page}: {page.Blocks} ```csharp blocks, {page.Marked} marked")
            .ToList();

        Assert.True(unmarked.Count == 0, $"Put <!-- snippet: name --> on the line before every ```csharp block:\n{string.Join('\n', unmarked)}");
    }

    private static IEnumerable<string> Documents() =>
        Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Prepend(Path.Combine(Root, "README.md"));

    /// <summary>The lines without their common indentation and without trailing blank lines.</summary>
    private static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"^[ \t]*// snippet: (?<name>[a-z0-9-]+)\r?\n(?<code>.*?)^[ \t]*// end snippet", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Region();

    // A block may stand indented in a list item; its indentation goes with Dedent.
    [GeneratedRegex(@"^[ \t]*<!-- snippet: (?<name>[a-z0-9-]+) -->\r?\n[ \t]*```csharp\r?\n(?<code>.*?)^[ \t]*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();

    [GeneratedRegex(@"^[ \t]*```csharp", RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();
}
