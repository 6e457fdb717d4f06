using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Promotions;

namespace ShopKernel.Pricing;

/// <summary>
/// Gathers what pricing depends on — the promotions, the buyer's facts, redemptions and usage — the same way for
/// the cart page and for checkout, so both price alike. The facts come in one round trip, and only when a promotion
/// or stock needs them.
/// </summary>
internal sealed class PricingInputs(ICheckoutStore checkout, PromotionCatalog catalog)
{
    private static readonly CheckoutFacts NoFacts = new([], new Dictionary<string, int>());

    /// <summary>
    /// The current promotions. A use case reads them before it holds its store session: a reload takes a connection of
    /// its own, which a use case holding one must not wait for (with every pooled connection held, it would wait for ever).
    /// </summary>
    public ValueTask<PromotionSet> PromotionsAsync(CancellationToken cancellationToken) => catalog.GetCurrentAsync(cancellationToken);

    public async Task<(PricingContext Context, CheckoutFacts Facts, string? Subject)> LoadAsync(
        PromotionSet promotions,
        Cart cart,
        CustomerId? customerId,
        string? emailKey,
        string? phone,
        IReadOnlyList<string> couponCodes,
        IReadOnlyCollection<string> skus,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var subjects = new List<string>(2);
        if (customerId is { } customer)
        {
            subjects.Add(RedemptionSubjects.ForCustomer(customer));
        }
        else
        {
            if (emailKey is not null)
            {
                subjects.Add(RedemptionSubjects.ForEmail(emailKey));
            }

            if (phone is not null)
            {
                subjects.Add(RedemptionSubjects.ForPhone(phone));
            }
        }

        var guestOrders = customerId is null && promotions.HasGuestFirstOrder && (emailKey is not null || phone is not null);
        var query = new CheckoutFactsQuery(customerId, skus)
        {
            RedemptionSubjects = promotions.NeedsRedemptions ? subjects : [],
            UsagePromotionIds = couponCodes.Count == 0 ? [] : promotions.UsageLimitedCoupons(couponCodes),
            GuestEmailKey = guestOrders ? emailKey : null,
            GuestPhone = guestOrders ? phone : null,
        };
        var facts = query.AsksNothing
            ? NoFacts
            : await checkout.LoadFactsAsync(query, cancellationToken).ConfigureAwait(false);
        var context = new PricingContext(customerId, null, facts.PurchaseFacts, now)
        {
            Promotions = promotions,
            Birthday = facts.Customer?.Birthday,
            CouponCodes = couponCodes,
            Redemptions = facts.Redemptions.Count == 0 && facts.PromotionUsage.Count == 0 ? RedemptionHistory.None : new RedemptionHistory(facts.Redemptions, facts.PromotionUsage),
            PreviousGuestOrders = facts.PreviousGuestOrders,
        };
        return (context, facts, subjects.Count > 0 ? subjects[0] : null);
    }

    /// <summary>A contact's matching keys: the normalised e-mail and the phone in E.164, when they read.</summary>
    public static (string? EmailKey, string? Phone) Keys(OrderContact? contact, ContactNormalizer contacts)
    {
        if (contact is null)
        {
            return (null, null);
        }

        var email = contact.Email is not null && EmailAddress.TryParse(contact.Email, out var address) ? contacts.NormalizeEmail(address) : null;
        var phone = contact.Phone is not null && contacts.ParsePhone(contact.Phone) is { Succeeded: true } parsed ? parsed.Value.E164 : null;
        return (email, phone);
    }
}
