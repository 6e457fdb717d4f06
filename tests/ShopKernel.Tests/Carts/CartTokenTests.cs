using CsCheck;
using ShopKernel.Carts;

namespace ShopKernel.Tests.Carts;

public class CartTokenTests
{
    [Fact]
    public void New_tokens_are_22_url_safe_characters_and_unique()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => CartToken.New().Value).ToList();
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{22}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Round_trips_through_its_text()
    {
        var token = CartToken.New();
        Assert.True(CartToken.TryParse(token.Value, out var parsed));
        Assert.Equal(token, parsed);
        Assert.Equal(token.Value, Uri.EscapeDataString(token.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    public void Rejects_anything_but_a_token(string? text) => Assert.False(CartToken.TryParse(text, out _));

    [Fact]
    public void Garbage_never_throws() =>
        Gen.String.Sample(s => { _ = CartToken.TryParse(s, out _); }, iter: 10_000);
}
