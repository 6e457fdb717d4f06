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
    private static readonly ShopError CashOnDeliveryRefused = new(CheckoutErrorCodes.PaymentMethodNotAllowed, "This payment method is not available for this order; choose another.");

    public async ValueTask<CheckoutGuardResult> CheckAsync(CheckoutContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.StopListCheck);
        try
        {
            var (verdict, scope) = await CheckCoreAsync(context, activity, cancellationToken).ConfigureAwait(false);
            if (activity is not null)
            {
                activity.SetTag(ShopKernelTelemetry.Tags.StopListScope, scope);
                activity.SetTag(ShopKernelTelemetry.Tags.Outcome, verdict.Error is not null ? "refused" : verdict.HoldReason is not null ? "held" : "allowed");
                if (verdict.Error is not null)
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

    /// <summary>The verdict and the scope that decided it, in snake case (<c>none</c> when nothing matched).</summary>
    private async ValueTask<(CheckoutGuardResult Verdict, string Scope)> CheckCoreAsync(CheckoutContext context, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var keys = BuyerKeyReader.ReadLenient(request.CustomerId, context.Contact, request.ShippingAddress, request.BuyerKeys, contacts);
        activity?.SetTag(ShopKernelTelemetry.Tags.KeyCount, keys.Count);
        if (keys.Count == 0)
        {
            return (CheckoutGuardResult.Allow, "none");
        }

        var hashes = keys.SelectMany(k => hasher.MatchHashes(k.Kind, k.Value)).ToHashSet(StringComparer.Ordinal);
        var matches = await store.FindActiveAsync(hashes, context.Now, cancellationToken).ConfigureAwait(false);
        var scopes = matches.Select(m => m.Scope).ToHashSet();
        if (scopes.Contains(StopListScope.BlockOrders))
        {
            return (CheckoutGuardResult.Refuse(Blocked), "block_orders");
        }

        if (scopes.Contains(StopListScope.BlockCashOnDelivery) && options.Value.StopList.IsCashOnDelivery(request.PaymentMethod))
        {
            return (CheckoutGuardResult.Refuse(CashOnDeliveryRefused), "block_cash_on_delivery");
        }

        // A cash-on-delivery block does not touch other payment methods: the order goes through (or is held).
        var hold = scopes.Contains(StopListScope.Review);
        return hold ? (CheckoutGuardResult.Hold(HoldReason), "review") : (CheckoutGuardResult.Allow, scopes.Count == 0 ? "none" : "block_cash_on_delivery");
    }
}
