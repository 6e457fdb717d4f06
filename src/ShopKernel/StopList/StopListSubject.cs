using ShopKernel.Customers;

namespace ShopKernel.StopList;

/// <summary>
/// A subject whose marketing block is asked about: a customer id, a normalised e-mail (as
/// <see cref="ContactNormalizer.NormalizeEmail"/> makes it) or a phone in E.164 — values already normalised.
/// </summary>
/// <param name="Kind"><see cref="StopListKeyKind.Customer"/>, <see cref="StopListKeyKind.Email"/> or <see cref="StopListKeyKind.Phone"/>.</param>
/// <param name="Value">The customer id (<c>D</c> format), the normalised e-mail or the E.164 phone.</param>
public readonly record struct StopListSubject(StopListKeyKind Kind, string Value)
{
    /// <summary>A registered customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>The subject.</returns>
    public static StopListSubject ForCustomer(CustomerId customerId) => new(StopListKeyKind.Customer, customerId.ToString());

    /// <summary>A normalised e-mail, as <see cref="ContactNormalizer.NormalizeEmail"/> makes it.</summary>
    /// <param name="emailKey">The normalised e-mail.</param>
    /// <returns>The subject.</returns>
    public static StopListSubject ForEmailKey(string emailKey) => new(StopListKeyKind.Email, emailKey);

    /// <summary>A phone number in E.164.</summary>
    /// <param name="e164">The number, e.g. <c>+49301234567</c>.</param>
    /// <returns>The subject.</returns>
    public static StopListSubject ForPhone(string e164) => new(StopListKeyKind.Phone, e164);
}
