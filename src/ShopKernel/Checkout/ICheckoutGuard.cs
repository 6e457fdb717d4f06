namespace ShopKernel.Checkout;

/// <summary>
/// A rule that may refuse an order or place it on hold before it is committed (e.g. the stop list). Guards run in
/// registration order; the first refusal wins; any hold places the order on hold.
/// </summary>
public interface ICheckoutGuard
{
    /// <summary>Checks an order about to be placed.</summary>
    /// <param name="context">The order about to be placed.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Allow, refuse or hold.</returns>
    ValueTask<CheckoutGuardResult> CheckAsync(CheckoutContext context, CancellationToken cancellationToken = default);
}
