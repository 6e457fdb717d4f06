using CsCheck;
using ShopKernel.Analytics;

namespace ShopKernel.Tests.Analytics;

/// <summary>
/// An acquisition source keeps the campaign fields in one spelling, of the referrer its host and of the landing page
/// its path only, and refuses malformed text with a typed error naming the field, whatever it is given.
/// </summary>
public class AcquisitionTests
{
    [Fact]
    public void The_campaign_fields_are_trimmed_and_lower_cased_and_blank_fields_are_unknown()
    {
        var a = Acquisition.Create(" Google ", "CPC", "Black Friday 2026", referrer: " ", landingPath: "", heardAbout: " Friend ").Value;

        Assert.Equal(("google", "cpc", "black friday 2026", null, null, "friend"), (a.Source, a.Medium, a.Campaign, a.ReferrerHost, a.LandingPath, a.HeardAbout));
        Assert.True(Acquisition.Create().Value.IsEmpty);
        Assert.Equal(Acquisition.Create("google").Value, Acquisition.Create("GOOGLE ").Value);
    }

    [Theory]
    [InlineData("https://www.Example.com/search?q=shoes&email=ada@example.com", "www.example.com")]
    [InlineData("http://user:secret@blog.example.org:8080/post/1#c", "blog.example.org")]
    [InlineData("news.example.net", "news.example.net")]
    [InlineData("https://bücher.example/", "xn--bcher-kva.example")]
    [InlineData("https://[2001:db8::1]/x", "[2001:db8::1]")]
    [InlineData("[2001:db8::1]", "[2001:db8::1]")]
    public void Of_the_referrer_only_its_host_is_kept(string referrer, string host) =>
        Assert.Equal(host, Acquisition.Create(referrer: referrer).Value.ReferrerHost);

    [Theory]
    [InlineData("/shoes/red?email=ada%40example.com#top", "/shoes/red")]
    [InlineData("https://shop.example.com/sale?token=abc", "/sale")]
    [InlineData("/", "/")]
    public void Of_the_landing_page_only_its_path_is_kept(string landing, string path) =>
        Assert.Equal(path, Acquisition.Create(landingPath: landing).Value.LandingPath);

    [Fact]
    public void A_landing_link_gives_its_utm_fields_and_its_path()
    {
        var a = Acquisition.FromLanding("https://shop.example.com/shoes?utm_source=Newsletter&utm_medium=e%2Dmail&utm_campaign=winter+sale&gclid=xyz#x", "https://t.co/abc", "instagram").Value;

        Assert.Equal(("newsletter", "e-mail", "winter sale", "t.co", "/shoes", "instagram"), (a.Source, a.Medium, a.Campaign, a.ReferrerHost, a.LandingPath, a.HeardAbout));
        Assert.Equal(("google", "/"), (Acquisition.FromLanding("/?utm_source=google").Value.Source, Acquisition.FromLanding("/?utm_source=google").Value.LandingPath));
        Assert.True(Acquisition.FromLanding("/plain").Value is { Source: null, LandingPath: "/plain" });
    }

    [Theory]
    [InlineData("source", "tab\there")]
    [InlineData("source", "zero\u200Bwidth")]
    [InlineData("medium", "a-medium-that-is-far-too-long-for-any-real-campaign-tool-to-write-it")]
    [InlineData("campaign", "bidi\u202Eoverride")]
    [InlineData("referrer", "ftp://files.example.com/")]
    [InlineData("referrer", "not a host")]
    [InlineData("referrer", "javascript:alert(1)")]
    [InlineData("landing_path", "shoes/red")]
    [InlineData("landing_path", "//evil.example.com/x")]
    [InlineData("landing_path", "/with space")]
    [InlineData("heard_about", "a friend")]
    [InlineData("heard_about", "a-code-longer-than-thirty-two-chars")]
    public void A_malformed_field_is_refused_naming_it(string field, string value)
    {
        var created = field switch
        {
            "source" => Acquisition.Create(source: value),
            "medium" => Acquisition.Create(medium: value),
            "campaign" => Acquisition.Create(campaign: value),
            "referrer" => Acquisition.Create(referrer: value),
            "landing_path" => Acquisition.Create(landingPath: value),
            _ => Acquisition.Create(heardAbout: value),
        };

        Assert.False(created.Succeeded);
        Assert.Equal(AcquisitionErrorCodes.Invalid, created.Error.Code);
        Assert.Equal(field, created.Error.Data[ShopErrorData.Field]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("shoes?utm_source=x")]
    [InlineData("mailto:ada@example.com")]
    public void A_landing_link_that_is_neither_a_link_nor_a_path_is_refused(string landing) =>
        Assert.Equal("landing_url", Acquisition.FromLanding(landing).Error?.Data[ShopErrorData.Field]);

    [Fact]
    public void Any_text_gives_either_a_source_within_the_limits_or_the_typed_error()
    {
        var text = Gen.OneOf(Gen.String, Gen.String[Gen.Char["abcXYZ-_. /?#:@%&=\u200B\t"], 0, 80], Gen.Const((string)null!));
        Gen.Select(text, text, text, text, text, text).Sample((s, m, c, r, p, h) =>
        {
            var created = Acquisition.Create(s, m, c, r, p, h);
            if (!created.Succeeded)
            {
                return created.Error.Code == AcquisitionErrorCodes.Invalid && created.Error.Data.ContainsKey(ShopErrorData.Field);
            }

            var a = created.Value;
            return (a.Source?.Length ?? 0) <= Acquisition.MaxCodeLength
                && (a.Medium?.Length ?? 0) <= Acquisition.MaxCodeLength
                && (a.Campaign?.Length ?? 0) <= Acquisition.MaxCodeLength
                && (a.ReferrerHost?.Length ?? 0) <= Acquisition.MaxReferrerHostLength
                && (a.LandingPath is null || (a.LandingPath.Length <= Acquisition.MaxLandingPathLength && a.LandingPath[0] == '/' && a.LandingPath.IndexOfAny(['?', '#']) < 0))
                && (a.Source is null || string.Equals(a.Source, a.Source.ToLowerInvariant(), StringComparison.Ordinal))
                && Acquisition.Create(a.Source, a.Medium, a.Campaign, a.ReferrerHost, a.LandingPath, a.HeardAbout).Value == a;
        });
    }
}
