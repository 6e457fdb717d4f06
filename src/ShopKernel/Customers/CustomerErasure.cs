namespace ShopKernel.Customers;

/// <summary>What erasing a person removed or anonymised.</summary>
/// <param name="CustomerRemoved">Whether a customer profile was deleted (<see langword="false"/> when erased before).</param>
/// <param name="CartsRemoved">How many carts were deleted.</param>
/// <param name="OrdersAnonymised">How many orders had their contact, address and notes removed.</param>
public sealed record CustomerErasure(bool CustomerRemoved, int CartsRemoved, int OrdersAnonymised);
