using ShopKernel.Analytics;
using ShopKernel.Carts;

namespace ShopKernel.Docs.Tests;

// docs/analytics.md, as shown there (SnippetTests keeps the two equal).
internal static class AnalyticsDocs
{
    public static async Task RecordSourceAsync(CartService carts, CartToken cartToken)
    {
        // snippet: analytics-acquisition
        var landed = Acquisition.FromLanding(
            "https://shop.example.com/shoes?utm_source=Newsletter&utm_medium=email&utm_campaign=black-friday",
            referrer: "https://mail.example.org/inbox",
            heardAbout: "friend");
        if (landed.TryGetValue(out var acquisition))
        {
            await carts.SetAcquisitionAsync(cartToken, acquisition);
        }
        // end snippet
    }
}
