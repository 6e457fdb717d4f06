using ShopKernel.Customers;

namespace ShopKernel.Staff;

/// <summary>
/// The access-log entry a staff change commits with, drafted by <see cref="StaffAccess"/> from the log's last entry:
/// the change names the customer it concerns once it has read what it changes (<see cref="Concerns"/>), may say more
/// precisely what it was asked once it knows (<see cref="Describes"/>: the id of what it creates), and takes the
/// finished entry (<see cref="Entry"/>) into its store's commit.
/// </summary>
internal sealed class AccessLogDraft(string? details, Func<CustomerId?, string?, AccessLogEntry> build)
{
    /// <summary>The customer the change concerns, once named.</summary>
    public CustomerId? CustomerId { get; private set; }

    /// <summary>What the change was asked, as the entry records it (stored as <see cref="StaffAccess.Storable"/> makes it).</summary>
    public string? Details { get; private set; } = details;

    /// <summary>Names the customer the change concerns (or none).</summary>
    public void Concerns(CustomerId? customerId) => CustomerId = customerId;

    /// <summary>Replaces the details the change was asked with, e.g. by the same words and the id of the row it creates.</summary>
    public void Describes(string? details) => Details = StaffAccess.Storable(details);

    /// <summary>The entry, chained to the log's last entry, naming the customer the change concerns and its details.</summary>
    public AccessLogEntry Entry() => build(CustomerId, Details);
}
