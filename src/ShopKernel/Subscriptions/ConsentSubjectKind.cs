namespace ShopKernel.Subscriptions;

/// <summary>Who a subscription belongs to: a registered customer, or a guest known by a contact.</summary>
public enum ConsentSubjectKind
{
    /// <summary>A registered customer, by <see cref="Customers.CustomerId"/>.</summary>
    Customer = 1,

    /// <summary>A guest, by normalised e-mail address.</summary>
    Email = 2,

    /// <summary>A guest, by phone number in E.164.</summary>
    Phone = 3,

    /// <summary>An erased person: the key is a keyed hash of what identified them.</summary>
    Redacted = 4,
}
