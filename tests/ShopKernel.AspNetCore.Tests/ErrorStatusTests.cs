using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Testing;

namespace ShopKernel.AspNetCore.Tests;

/// <summary>Every error code has its HTTP status, as its documentation says, and reaches a caller as problem details.</summary>
public sealed partial class ErrorStatusTests
{
    /// <summary>Every public error code of the core: the constants of the <c>*ErrorCodes</c> classes, with the field's documentation id.</summary>
    private static readonly List<(string Member, string Code)> Codes = typeof(ShopError).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.IsAbstract && t.IsSealed && t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => ($"F:{t.FullName}.{f.Name}", (string)f.GetRawConstantValue()!)))
        .ToList();

    [Fact]
    public void Every_error_code_has_one_of_the_statuses_its_documentation_names()
    {
        var documentation = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "ShopKernel.xml"))
            .Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => string.Concat(m.Element("summary")?.DescendantNodes().OfType<XText>().Select(t => t.Value) ?? []));

        Assert.True(Codes.Count >= 100, $"only {Codes.Count} codes found");
        Assert.Equal(Codes.Select(c => c.Code).Order(StringComparer.Ordinal), ShopErrorStatusCodes.All.Keys.Order(StringComparer.Ordinal));
        foreach (var (member, code) in Codes)
        {
            var named = MapTo().Match(documentation[member]);
            Assert.True(named.Success, $"{code}: its documentation names no status (\"Map to …\")");
            var documented = named.Groups[1].Value.Split(" or ").Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Contains(ShopErrorStatusCodes.For(code), documented);
        }
    }

    [Fact]
    public void A_code_ShopKernel_does_not_answer_with_is_a_server_error()
    {
        Assert.Equal(500, ShopErrorStatusCodes.For("host.own_code"));
        Assert.Equal(500, ShopErrorStatusCodes.For("result.uninitialized"));
        Assert.Equal(404, ShopErrorStatusCodes.For(Carts.CartErrorCodes.NotFound));
    }

    [Fact]
    public async Task An_error_reaches_the_caller_as_problem_details_with_its_code_and_data()
    {
        var error = new ShopError(Checkout.CheckoutErrorCodes.OutOfStock, "Only 2 of SKU MUG are left.")
        {
            Data = new Dictionary<string, string> { ["sku"] = "MUG", ["available"] = "2", ["status"] = "not a status" },
        };
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        };
        context.Response.Body = new MemoryStream();

        await error.ToHttpResult("/checkout").ExecuteAsync(context);

        Assert.Equal(409, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        var root = body.RootElement;
        Assert.Equal("urn:shopkernel:error:checkout.out_of_stock", root.GetProperty("type").GetString());
        Assert.Equal("Conflict", root.GetProperty("title").GetString());
        Assert.Equal(409, root.GetProperty("status").GetInt32());
        Assert.Equal("Only 2 of SKU MUG are left.", root.GetProperty("detail").GetString());
        Assert.Equal("/checkout", root.GetProperty("instance").GetString());
        Assert.Equal("checkout.out_of_stock", root.GetProperty("code").GetString());
        Assert.Equal(("MUG", "2"), (root.GetProperty("sku").GetString(), root.GetProperty("available").GetString()));
    }

    [Fact]
    public void The_documentation_table_lists_every_code_with_its_status()
    {
        var table = File.ReadAllLines(Path.Combine(Repository.Root(), "docs", "http-errors.md"))
            .Select(line => TableRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ShopErrorStatusCodes.All.OrderBy(p => p.Key, StringComparer.Ordinal), table.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"Map to ([0-9]{3}(?: or [0-9]{3})*)")]
    private static partial Regex MapTo();

    [GeneratedRegex(@"^\| `([a-z_]+\.[a-z_]+)` \| ([0-9]{3}) \|")]
    private static partial Regex TableRow();
}
