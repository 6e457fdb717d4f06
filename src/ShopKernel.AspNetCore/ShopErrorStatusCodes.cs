using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using ShopKernel.Analytics;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Promotions;
using ShopKernel.Staff;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;

namespace ShopKernel.AspNetCore;

/// <summary>
/// The HTTP status of every ShopKernel error code: one table, each status one of those the code's documentation names.
/// Where a code's documentation allows two, the table takes the one that tells a caller what to do: 404 for a cart
/// token that is malformed or another customer's (as for one that does not exist, so probing learns nothing), 410 for
/// an expired cart, 409 for a cart already checked out or a stock shortfall, 429 for a locked-out sign-in and 503 for
/// checkout contention (try again).
/// </summary>
public static class ShopErrorStatusCodes
{
    private static readonly FrozenDictionary<string, int> Statuses = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [CartErrorCodes.NotFound] = 404,
        [CartErrorCodes.CheckedOut] = 409,
        [CartErrorCodes.Expired] = 410,
        [CartErrorCodes.TokenInvalid] = 404,
        [CartErrorCodes.ConcurrencyConflict] = 409,
        [CartErrorCodes.QuantityInvalid] = 400,
        [CartErrorCodes.LineNotFound] = 404,
        [CartErrorCodes.TooManyLines] = 422,
        [CartErrorCodes.CurrencyUnknown] = 400,
        [CartErrorCodes.CurrencyMismatch] = 400,
        [CartErrorCodes.PriceInvalid] = 400,
        [CartErrorCodes.AmountTooLarge] = 400,
        [CartErrorCodes.ProductInvalid] = 400,
        [CartErrorCodes.OptionInvalid] = 400,
        [CartErrorCodes.OptionDuplicate] = 400,
        [CartErrorCodes.OptionTooLong] = 400,
        [CartErrorCodes.TooManyOptions] = 400,
        [CartErrorCodes.PictureUrlInvalid] = 400,
        [CartErrorCodes.TagsInvalid] = 400,
        [AcquisitionErrorCodes.Invalid] = 400,
        [CartErrorCodes.CustomerInvalid] = 400,
        [CartErrorCodes.RequestInvalid] = 400,
        [CartErrorCodes.ProductUnknown] = 422,

        [CheckoutErrorCodes.RequestInvalid] = 400,
        [CheckoutErrorCodes.CartNotFound] = 404,
        [CheckoutErrorCodes.CartExpired] = 410,
        [CheckoutErrorCodes.CartEmpty] = 422,
        [CheckoutErrorCodes.CartChanged] = 409,
        [CheckoutErrorCodes.TotalChanged] = 409,
        [CheckoutErrorCodes.CouponRejected] = 422,
        [CheckoutErrorCodes.ContactMissing] = 400,
        [CheckoutErrorCodes.ContactInvalid] = 400,
        [CheckoutErrorCodes.AddressInvalid] = 400,
        [CheckoutErrorCodes.PaymentMethodInvalid] = 400,
        [CheckoutErrorCodes.PaymentMethodNotAllowed] = 422,
        [CheckoutErrorCodes.BuyerBlocked] = 403,
        [CheckoutErrorCodes.OutOfStock] = 409,
        [CheckoutErrorCodes.IdempotencyKeyReused] = 422,
        [CheckoutErrorCodes.CustomerNotFound] = 422,
        [CheckoutErrorCodes.CartNotOwned] = 404,
        [CheckoutErrorCodes.Contention] = 503,

        [CustomerErrorCodes.RequestInvalid] = 400,
        [CustomerErrorCodes.EmailInvalid] = 400,
        [CustomerErrorCodes.PhoneInvalid] = 400,
        [CustomerErrorCodes.ContactMissing] = 400,
        [CustomerErrorCodes.NameInvalid] = 400,
        [CustomerErrorCodes.BirthdayInvalid] = 400,
        [CustomerErrorCodes.PasswordInvalid] = 400,
        [CustomerErrorCodes.AddressInvalid] = 400,
        [CustomerErrorCodes.Duplicate] = 409,
        [CustomerErrorCodes.NotFound] = 404,
        [CustomerErrorCodes.SignInFailed] = 401,
        [CustomerErrorCodes.LockedOut] = 429,
        [CustomerErrorCodes.NothingToVerify] = 409,
        [CustomerErrorCodes.TokenInvalid] = 400,
        [CustomerErrorCodes.TokenExpired] = 410,
        [CustomerErrorCodes.ClaimExpired] = 410,
        [CustomerErrorCodes.ConcurrencyConflict] = 409,
        [CustomerErrorCodes.SegmentInvalid] = 400,

        [OrderErrorCodes.NotFound] = 404,
        [OrderErrorCodes.TransitionInvalid] = 409,
        [OrderErrorCodes.ConcurrencyConflict] = 409,
        [OrderErrorCodes.RequestInvalid] = 400,
        [OrderErrorCodes.ActorInvalid] = 400,
        [OrderErrorCodes.ReasonInvalid] = 400,
        [OrderErrorCodes.LineNotFound] = 422,
        [OrderErrorCodes.ReturnExceedsBought] = 422,
        [OrderErrorCodes.RefundExceedsPaid] = 422,
        [OrderErrorCodes.IdempotencyKeyReused] = 422,

        [PromotionErrorCodes.RequestInvalid] = 400,
        [PromotionErrorCodes.IdInvalid] = 400,
        [PromotionErrorCodes.NameInvalid] = 400,
        [PromotionErrorCodes.BenefitInvalid] = 400,
        [PromotionErrorCodes.TiersInvalid] = 400,
        [PromotionErrorCodes.ScheduleInvalid] = 400,
        [PromotionErrorCodes.ScopeInvalid] = 400,
        [PromotionErrorCodes.WindowInvalid] = 400,
        [PromotionErrorCodes.CouponCodeInvalid] = 400,
        [PromotionErrorCodes.CouponCodeDuplicate] = 409,
        [PromotionErrorCodes.LimitInvalid] = 400,
        [PromotionErrorCodes.GroupInvalid] = 400,
        [PromotionErrorCodes.CurrencyMismatch] = 400,
        [PromotionErrorCodes.KindMismatch] = 400,
        [PromotionErrorCodes.NotFound] = 404,
        [PromotionErrorCodes.Duplicate] = 409,
        [PromotionErrorCodes.ConcurrencyConflict] = 409,

        [StaffErrorCodes.PermissionDenied] = 403,
        [StaffErrorCodes.ActorInvalid] = 400,
        [StaffErrorCodes.RequestInvalid] = 400,
        [StaffErrorCodes.TraceNotFound] = 404,

        [StopListErrorCodes.RequestInvalid] = 400,
        [StopListErrorCodes.KeysMissing] = 400,
        [StopListErrorCodes.EmailInvalid] = 400,
        [StopListErrorCodes.PhoneInvalid] = 400,
        [StopListErrorCodes.AddressInvalid] = 400,
        [StopListErrorCodes.KeyInvalid] = 400,
        [StopListErrorCodes.ExpiryInPast] = 400,
        [StopListErrorCodes.NotFound] = 404,
        [StopListErrorCodes.ConcurrencyConflict] = 409,
        [StopListErrorCodes.OrderNotFound] = 404,

        [SubscriptionErrorCodes.RequestInvalid] = 400,
        [SubscriptionErrorCodes.TopicUnknown] = 404,
        [SubscriptionErrorCodes.ContactInvalid] = 400,
        [SubscriptionErrorCodes.CustomerNotFound] = 404,
        [SubscriptionErrorCodes.ConsentPreTicked] = 422,
        [SubscriptionErrorCodes.TokenInvalid] = 400,
        [SubscriptionErrorCodes.TokenExpired] = 410,
        [SubscriptionErrorCodes.TokenUsed] = 409,
        [SubscriptionErrorCodes.NotSubscribed] = 409,
        [SubscriptionErrorCodes.CapReached] = 429,
        [SubscriptionErrorCodes.ConcurrencyConflict] = 409,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every error code ShopKernel answers with, and its HTTP status.</summary>
    public static IReadOnlyDictionary<string, int> All => Statuses;

    /// <summary>
    /// The HTTP status for <paramref name="code"/>: its entry in <see cref="All"/>, or 500 for a code ShopKernel does not
    /// answer with (a host's own, or <c>result.uninitialized</c>, a default result: a bug).
    /// </summary>
    /// <param name="code">An error code.</param>
    /// <returns>The status.</returns>
    public static int For(string code) =>
        code is not null && Statuses.TryGetValue(code, out var status) ? status : StatusCodes.Status500InternalServerError;
}
