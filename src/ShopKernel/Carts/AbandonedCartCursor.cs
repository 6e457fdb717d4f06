namespace ShopKernel.Carts;

/// <summary>Where a page of abandoned carts ended; pass it back to get the next page (keyset paging).</summary>
/// <param name="UpdatedAt">The last change of the last cart of the previous page.</param>
/// <param name="Token">The token of the last cart of the previous page.</param>
public sealed record AbandonedCartCursor(DateTimeOffset UpdatedAt, CartToken Token);
