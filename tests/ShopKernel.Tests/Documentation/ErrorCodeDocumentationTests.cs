using System.Xml.Linq;
using ShopKernel.Carts;

namespace ShopKernel.Tests.Documentation;

public sealed class ErrorCodeDocumentationTests
{
    private static readonly ErrorCodeDocumentation Documentation = ErrorCodeDocumentation.Load(typeof(ShopError).Assembly);

    [Fact]
    public void The_documentation_file_describes_the_services_and_codes()
    {
        Assert.NotEmpty(Documentation.Codes);
        Assert.NotEmpty(Documentation.Methods);
        Assert.Contains(Documentation.Methods, m => m.Method.DeclaringType == typeof(CartService));
    }

    [Fact]
    public void Every_result_returning_service_method_documents_what_it_returns() =>
        AssertNone(Documentation.MethodsWithoutReturns());

    [Fact]
    public void Every_result_returning_service_method_names_the_codes_it_can_return() =>
        AssertNone(Documentation.MethodsNamingNoCode());

    [Fact]
    public void Every_code_a_service_method_names_is_a_real_code() =>
        AssertNone(Documentation.StaleNames());

    [Fact]
    public void Every_code_is_named_by_a_method_of_its_capability_service() =>
        AssertNone(Documentation.UndocumentedCodes());

    [Fact]
    public void A_documented_name_that_is_no_code_is_found()
    {
        var documentation = WithCartCreateReturns("The new cart, or <c>cart.no_such_code</c>.");

        Assert.Contains(documentation.StaleNames(), p => p.Contains("cart.no_such_code", StringComparison.Ordinal));
    }

    [Fact]
    public void A_method_that_names_no_code_is_found()
    {
        var documentation = WithCartCreateReturns("The new cart, or a typed error.");

        Assert.Contains(documentation.MethodsNamingNoCode(), p => p.Contains("CartService.CreateAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void A_code_no_method_names_is_found()
    {
        // With the cart service's docs naming no codes, every cart code is undocumented.
        var xml = XDocument.Load(Path.ChangeExtension(typeof(ShopError).Assembly.Location, ".xml"));
        foreach (var member in xml.Descendants("member").Where(m => ((string?)m.Attribute("name"))?.StartsWith("M:ShopKernel.Carts.CartService.", StringComparison.Ordinal) == true))
        {
            member.Element("returns")?.ReplaceWith(new XElement("returns", "The cart."));
            member.Element("remarks")?.Remove();
        }

        var documentation = ErrorCodeDocumentation.Load(typeof(ShopError).Assembly, xml);

        Assert.Contains(documentation.UndocumentedCodes(), p => p.Contains("(" + CartErrorCodes.CurrencyUnknown + ")", StringComparison.Ordinal));
        Assert.Contains(documentation.UndocumentedCodes(), p => p.Contains("(" + CartErrorCodes.ConcurrencyConflict + ")", StringComparison.Ordinal));
    }

    [Fact]
    public void A_code_at_the_end_of_a_sentence_or_through_a_cref_counts_as_named()
    {
        var documentation = WithCartCreateReturns("The cart, or <c>cart.currency_unknown</c>. Also <see cref=\"F:ShopKernel.Carts.CartErrorCodes.TooManyLines\"/>.");
        var create = documentation.Methods.Single(m => m.Method.DeclaringType == typeof(CartService) && m.Method.Name == nameof(CartService.CreateAsync));

        Assert.Contains(CartErrorCodes.CurrencyUnknown, create.Named);
        Assert.Contains(CartErrorCodes.TooManyLines, create.Named);
    }

    private static ErrorCodeDocumentation WithCartCreateReturns(string returnsXml)
    {
        var xml = XDocument.Load(Path.ChangeExtension(typeof(ShopError).Assembly.Location, ".xml"));
        var create = xml.Descendants("member").Single(m => ((string?)m.Attribute("name"))?.StartsWith("M:ShopKernel.Carts.CartService.CreateAsync(", StringComparison.Ordinal) == true);
        create.Element("returns")!.ReplaceWith(XElement.Parse("<returns>" + returnsXml + "</returns>"));
        return ErrorCodeDocumentation.Load(typeof(ShopError).Assembly, xml);
    }

    private static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, string.Join(Environment.NewLine, list));
    }
}
