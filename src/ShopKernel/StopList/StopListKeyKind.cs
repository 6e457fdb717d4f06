namespace ShopKernel.StopList;

/// <summary>What a stop-list key identifies the buyer by.</summary>
public enum StopListKeyKind
{
    /// <summary>A registered customer's id.</summary>
    Customer = 0,

    /// <summary>An e-mail address, normalised as <see cref="Customers.ContactNormalizer.NormalizeEmail"/> makes it.</summary>
    Email = 1,

    /// <summary>A phone number in E.164.</summary>
    Phone = 2,

    /// <summary>A delivery address: country, postal code, street and house number, normalised.</summary>
    Address = 3,

    /// <summary>A key the host supplies, e.g. a device id.</summary>
    HostKey = 4,
}
