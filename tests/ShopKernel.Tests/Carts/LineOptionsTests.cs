using ShopKernel.Carts;

namespace ShopKernel.Tests.Carts;

public class LineOptionsTests
{
    [Fact]
    public void Names_compare_ignoring_case_and_order_values_exactly()
    {
        var a = LineOptions.From(("Colour", "Red"), ("design", "Stripes"));
        var b = LineOptions.From(("DESIGN", "Stripes"), ("colour", "Red"));
        var c = LineOptions.From(("colour", "red"), ("design", "Stripes"));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal("Red", b["COLOUR"]);
    }

    [Fact]
    public void A_name_appears_once() =>
        Assert.Equal(CartErrorCodes.OptionDuplicate, LineOptions.Create([new("colour", "red"), new("Colour", "blue")]).Error?.Code);

    [Theory]
    [InlineData("", "x")]
    [InlineData("  ", "x")]
    [InlineData("colour", null)]
    [InlineData("col\nour", "x")]
    public void Empty_names_missing_values_and_control_characters_are_invalid(string name, string? value) =>
        Assert.Equal(CartErrorCodes.OptionInvalid, LineOptions.Create([new(name, value!)]).Error?.Code);

    [Fact]
    public void Trims_names_and_values() =>
        Assert.Equal(LineOptions.From(("colour", "red")), LineOptions.From((" colour ", " red ")));
}
