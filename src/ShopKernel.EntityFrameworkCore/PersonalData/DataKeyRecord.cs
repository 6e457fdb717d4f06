namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>
/// The stored form of one subject's data key (a customer, an order): wrapped by a key-encryption key, in a table of
/// its own so that deleting the row (erasure) leaves every copy of the subject's data unreadable.
/// </summary>
internal sealed class DataKeyRecord
{
    /// <summary>The customer or order the key seals.</summary>
    public Guid Subject { get; set; }

    /// <summary>The id of the key-encryption key that wraps <see cref="Wrapped"/>.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>The data key, wrapped.</summary>
    public byte[] Wrapped { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
