using Microsoft.Extensions.Options;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;

namespace ShopKernel.StopList;

/// <summary>
/// The stop list at checkout: hashes the buyer's keys (customer, e-mail, phone, delivery address, host keys) under
/// every secret key and looks them all up in one round trip. A block refuses the order without saying which key
/// matched; a cash-on-delivery block refuses only cash-on-delivery methods; a review entry places the order on hold.
/// </summary>
internal sealed class StopListCheckoutGuard(IStopListStore store, StopListKeyHasher hasher, ContactNormalizer contacts, IOptions<ShopKernelOptions> options) : ICheckoutGuard
{
    public const string HoldReason = "Stop list: held for review.";

    private static readonly ShopError Blocked = new(CheckoutErrorCodes.BuyerBlocked, "This buyer may not order.");
    private static readonly IReadOnlySet<StopListScope> NoScopes = new HashSet<StopListScope>();
    private static readonly ShopError CashOnDeliveryRefused = new(CheckoutErrorCodes.PaymentMethodNotAllowed, "This payment method is not available for this order; choose another.");

    public async ValueTask<Result<CheckoutVerdict>> CheckAsync(CheckoutContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.StopListCheck);
        try
        {
            var scopes = await MatchAsync(context, activity, cancellationToken).ConfigureAwait(false);
            var verdict = Decide(scopes, context.Request.PaymentMethod);
            if (activity is not null)
            {
                activity.SetTag(ShopKernelTelemetry.Tags.StopListScope, ScopeTag(verdict, scopes.Count > 0));
                activity.SetTag(ShopKernelTelemetry.Tags.Outcome, !verdict.Succeeded ? "refused" : verdict.Value.IsHold ? "held" : "allowed");
                if (!verdict.Succeeded)
                {
                    activity.SetTag(ShopKernelTelemetry.Tags.ErrorType, verdict.Error.Code);
                }
            }

            return verdict;
        }
        catch (Exception exception) when (ShopKernelActivity.Faulted(activity, exception))
        {
            throw;
        }
    }

    /// <summary>The scopes of the active entries that match the buyer's keys, in one round trip; none without keys.</summary>
    private async ValueTask<IReadOnlySet<StopListScope>> MatchAsync(CheckoutContext context, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var keys = BuyerKeyReader.ReadLenient(request.CustomerId, context.Contact, request.ShippingAddress, request.BuyerKeys, contacts);
        activity?.SetTag(ShopKernelTelemetry.Tags.KeyCount, keys.Count);
        if (keys.Count == 0)
        {
            return NoScopes;
        }

        var hashes = keys.SelectMany(k => hasher.MatchHashes(k.Kind, k.Value)).ToHashSet(StringComparer.Ordinal);
        var matches = await store.FindActiveAsync(hashes, context.Now, cancellationToken).ConfigureAwait(false);
        return matches.Select(m => m.Scope).ToHashSet();
    }

    /// <summary>
    /// A block of orders refuses; a cash-on-delivery block refuses a cash-on-delivery method only (other methods go
    /// through, or are held); a review entry holds.
    /// </summary>
    private Result<CheckoutVerdict> Decide(IReadOnlySet<StopListScope> scopes, string paymentMethod)
    {
        if (scopes.Contains(StopListScope.BlockOrders))
        {
            return Blocked;
        }

        if (scopes.Contains(StopListScope.BlockCashOnDelivery) && options.Value.StopList.IsCashOnDelivery(paymentMethod))
        {
            return CashOnDeliveryRefused;
        }

        return scopes.Contains(StopListScope.Review) ? CheckoutVerdict.Hold(HoldReason) : CheckoutVerdict.Allow;
    }

    /// <summary>The scope that decided, in snake case, read from the verdict: <c>none</c> when nothing matched.</summary>
    private static string ScopeTag(Result<CheckoutVerdict> verdict, bool matched) =>
        !verdict.Succeeded ? verdict.Error.Code == CheckoutErrorCodes.BuyerBlocked ? "block_orders" : "block_cash_on_delivery"
        : verdict.Value.IsHold ? "review"
        : matched ? "block_cash_on_delivery" : "none";
}
