using ShopKernel.Orders;

namespace ShopKernel.Customers;

/// <summary>
/// What erasure leaves of each of a person's orders, decided by <see cref="PersonalDataService"/> and handed to
/// <see cref="ICustomerStore.EraseAsync"/>, which applies it to every order it anonymises (as it applies the
/// <see cref="Subscriptions.ConsentRedaction"/> values to the consent ledger). The order's accounting facts (number,
/// time, lines, amounts, payment method) are no part of it: they stay, as tax law requires.
/// </summary>
public sealed class OrderAnonymisation
{
    private OrderAnonymisation()
    {
    }

    /// <summary>Erasure's rules: the contact, name and customer link go, the address keeps its country, status notes go.</summary>
    public static OrderAnonymisation Erasure { get; } = new();

    /// <summary>The contact an anonymised order keeps: no e-mail (so no matching key), no phone, empty names.</summary>
    public OrderContact Contact { get; } = new(null, null, string.Empty, string.Empty);

    /// <summary>Whether an anonymised order keeps its link to the customer; <see langword="false"/>: the link goes.</summary>
    public bool KeepsCustomerLink { get; }

    /// <summary>Whether an anonymised order's address keeps its country (tax and accounting need it); <see langword="true"/>.</summary>
    public bool KeepsCountry { get; } = true;

    /// <summary>Whether an anonymised order's status changes keep their notes; <see langword="false"/>: staff may have written personal details into them.</summary>
    public bool KeepsStatusNotes { get; }

    /// <summary>The shipping address an anonymised order keeps: the country when <see cref="KeepsCountry"/>, nothing that locates the person.</summary>
    /// <param name="stored">The order's shipping address.</param>
    /// <returns>The address to store instead.</returns>
    public PostalAddress ShippingAddress(PostalAddress stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new PostalAddress(string.Empty, string.Empty, string.Empty, string.Empty, KeepsCountry ? stored.CountryCode : string.Empty);
    }

    /// <summary>A status change as an anonymised order keeps it: without its note unless <see cref="KeepsStatusNotes"/>.</summary>
    /// <param name="stored">The stored status change.</param>
    /// <returns>The status change to store instead.</returns>
    public OrderStatusChange StatusChange(OrderStatusChange stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return KeepsStatusNotes ? stored : stored with { Reason = stored.Reason with { Text = null } };
    }

    /// <summary>A return as an anonymised order keeps it: its lines, quantities and values, without its reason's note unless <see cref="KeepsStatusNotes"/>.</summary>
    /// <param name="stored">The stored return.</param>
    /// <returns>The return to store instead.</returns>
    public OrderReturn Return(OrderReturn stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return KeepsStatusNotes ? stored : stored with { Reason = stored.Reason with { Text = null } };
    }

    /// <summary>A refund as an anonymised order keeps it: its amounts and payment reference, without its reason's note unless <see cref="KeepsStatusNotes"/>.</summary>
    /// <param name="stored">The stored refund.</param>
    /// <returns>The refund to store instead.</returns>
    public OrderRefund Refund(OrderRefund stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return KeepsStatusNotes ? stored : stored with { Reason = stored.Reason with { Text = null } };
    }
}
