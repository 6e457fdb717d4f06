namespace ShopKernel.Checkout;

/// <summary>
/// A rule that may refuse an order or place it on hold before it is committed (e.g. the stop list). Guards run in
/// registration order; the first refusal wins; any hold places the order on hold.
/// </summary>
/// <remarks>
/// A guard runs while the checkout holds its <see cref="IStoreSession"/> (one database connection from the cart's read
/// to the commit). A guard that reads through ShopKernel's stores of the same scope uses that connection; a guard that
/// opens a connection of its own from the same pool should not wait for one without a timeout, since with as many
/// checkouts in flight as the pool has connections, none is free until a checkout ends.
/// </remarks>
public interface ICheckoutGuard
{
    /// <summary>Checks an order about to be placed.</summary>
    /// <param name="context">The order about to be placed.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>
    /// <see cref="CheckoutVerdict.Allow"/> or <see cref="CheckoutVerdict.Hold"/>; or a failed result that refuses the
    /// order with its error (e.g. <c>checkout.buyer_blocked</c>, <c>checkout.payment_method_not_allowed</c>, or a code
    /// of the host's own), which the buyer gets and which checkout's telemetry counts as <c>refused</c>.
    /// </returns>
    ValueTask<Result<CheckoutVerdict>> CheckAsync(CheckoutContext context, CancellationToken cancellationToken = default);
}
