namespace ShopKernel.Customers;

/// <summary>
/// Someone who ordered without an account: not a customer, but recognised on their orders by normalised contact —
/// the e-mail (as <see cref="ContactNormalizer.NormalizeEmail"/> keys it) when they gave one, else the phone in E.164.
/// Their orders join a customer's history once a customer verifies that contact; they then stop being a guest.
/// </summary>
/// <param name="Key">
/// What identifies the guest, opaque: the store's keyed hash (blind index) of the normalised e-mail, or of the E.164
/// phone when no e-mail was given. Stable while the shop's index key is; it reveals no part of the contact.
/// </param>
/// <param name="Email">The e-mail address of their latest order, or <see langword="null"/>.</param>
/// <param name="Phone">The phone number of their latest order, or <see langword="null"/>.</param>
/// <param name="FirstName">The first name of their latest order.</param>
/// <param name="LastName">The last name of their latest order.</param>
/// <param name="OrderCount">How many orders they placed as a guest.</param>
/// <param name="FirstOrderAt">When they first ordered.</param>
/// <param name="LastOrderAt">When they last ordered.</param>
/// <param name="Spend">What they spent, per currency, ordered by currency code.</param>
public sealed record GuestBuyer(
    string Key,
    string? Email,
    string? Phone,
    string FirstName,
    string LastName,
    int OrderCount,
    DateTimeOffset FirstOrderAt,
    DateTimeOffset LastOrderAt,
    IReadOnlyList<Money> Spend);

/// <summary>A page of guest buyers, ordered by <see cref="GuestBuyer.Key"/>.</summary>
/// <param name="Items">The guests.</param>
/// <param name="Next">The key to pass as <c>after</c> for the next page, or <see langword="null"/> on the last page.</param>
public sealed record GuestBuyerPage(IReadOnlyList<GuestBuyer> Items, string? Next);
