namespace ShopKernel.Carts;

/// <summary>One page of abandoned carts, oldest change first.</summary>
/// <param name="Items">The carts of this page.</param>
/// <param name="Next">The cursor of the next page, or <see langword="null"/> when this is the last page.</param>
public sealed record AbandonedCartPage(IReadOnlyList<AbandonedCart> Items, AbandonedCartCursor? Next);
