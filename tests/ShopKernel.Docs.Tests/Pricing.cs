using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Pricing;
using ShopKernel.Promotions;
using ShopKernel.Staff;

namespace ShopKernel.Docs.Tests;

// docs/pricing.md, as shown there (SnippetTests keeps the two equal).
internal static class PricingDocs
{
    public static async Task PromotionsAsync(
        IServiceScope scope, StaffUser user, DateTimeOffset blackFriday, DateTimeOffset cyberMonday,
        PricingService pricing, CheckoutService checkout, CartToken token, CustomerId id, CheckoutRequest request)
    {
        // snippet: pricing-promotions
        var promotions = scope.ServiceProvider.GetRequiredService<PromotionService>();
        var staff = new StaffActor(user.Id, user.DisplayName);   // the signed-in member of staff; needs promotions.manage
        await promotions.CreateAsync(staff, new Promotion("loyalty", "Loyalty tier", PromotionKind.Tier)
        {
            Tiers = [TierLevel.BySpend(Money.Parse("500.00 EUR"), 5), TierLevel.BySpend(Money.Parse("1000.00 EUR"), 10)],
        });
        await promotions.CreateAsync(staff, new Promotion("birthday", "Birthday", PromotionKind.Birthday)
        {
            Benefit = PromotionBenefit.Percent(10), BirthdayWindowDays = 7, Priority = 5, BestOfGroup = "personal",
        });
        await promotions.CreateAsync(staff, new Promotion("thanks", "Thank-you coupon", PromotionKind.Coupon)
        {
            Benefit = PromotionBenefit.Fixed(Money.Parse("7.50 EUR")), CouponCode = "THANKS", UsageLimit = 1000,
            PerCustomerLimit = 1, Priority = 5, BestOfGroup = "personal",
        });
        await promotions.CreateAsync(staff, new Promotion("black-friday", "Black Friday", PromotionKind.Campaign)
        {
            Benefit = PromotionBenefit.Percent(20), Tags = ["sale"], MinimumSubtotal = Money.Parse("20.00 EUR"),
            StartsAt = blackFriday, EndsAt = cyberMonday, Priority = 3,
        });

        // The cart page: the same price checkout will charge, with explanations.
        var shown = await pricing.PriceCartAsync(new CartPricingRequest(token) { CustomerId = id, CouponCodes = ["thanks"] });
        // Checkout re-prices; if the total differs from what the buyer saw, nothing is ordered.
        await checkout.PlaceOrderAsync(request with { CouponCodes = ["thanks"], ExpectedTotal = shown.Value.Total });
        // end snippet
    }
}
