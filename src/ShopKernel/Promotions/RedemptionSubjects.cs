using System.Security.Cryptography;
using System.Text;
using ShopKernel.Customers;

namespace ShopKernel.Promotions;

/// <summary>
/// The keys redemptions of limited promotions are recorded under: a registered customer by id, a guest by a
/// SHA-256 digest of the normalised e-mail or phone, so no contact travels in clear text. A digest of a contact is
/// matched by anyone holding a list of contacts, so the EF Core stores do not store these keys either: they store
/// the keyed hash of each (under <see cref="PersonalData.PersonalDataOptions.IndexKey"/>).
/// </summary>
public static class RedemptionSubjects
{
    /// <summary>The key of a registered customer: <c>c:</c> and the id.</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>The key.</returns>
    public static string ForCustomer(CustomerId customerId) => "c:" + customerId.Value.ToString("N");

    /// <summary>The key of a guest by e-mail: <c>e:</c> and the digest of the normalised address (see <see cref="ContactNormalizer.NormalizeEmail"/>).</summary>
    /// <param name="emailKey">The normalised e-mail.</param>
    /// <returns>The key.</returns>
    public static string ForEmail(string emailKey) => Digest("e:", emailKey);

    /// <summary>The key of a guest by phone: <c>p:</c> and the digest of the number in E.164.</summary>
    /// <param name="phone">The phone number in E.164.</param>
    /// <returns>The key.</returns>
    public static string ForPhone(string phone) => Digest("p:", phone);

    private static string Digest(string prefix, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(prefix + value), hash);
        return prefix + Convert.ToHexStringLower(hash[..20]);
    }
}
