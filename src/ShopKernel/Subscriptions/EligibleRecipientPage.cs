namespace ShopKernel.Subscriptions;

/// <summary>
/// A page of eligible recipients. A page may hold fewer than asked — even none — while <see cref="Next"/> is set:
/// people blocked from marketing or without a contact for the channel are filtered out of each page. Page until
/// <see cref="Next"/> is <see langword="null"/>.
/// </summary>
/// <param name="Items">The recipients, in subject order.</param>
/// <param name="Next">The cursor of the next page (an opaque stored subject, never a contact), or <see langword="null"/> after the last page.</param>
public sealed record EligibleRecipientPage(IReadOnlyList<EligibleRecipient> Items, string? Next);
