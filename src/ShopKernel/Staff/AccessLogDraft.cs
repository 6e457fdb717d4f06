using ShopKernel.Customers;

namespace ShopKernel.Staff;

/// <summary>
/// The access-log entry a staff change commits with, drafted by <see cref="StaffAccess"/> from the log's last entry:
/// the change names the customer it concerns once it has read what it changes (<see cref="Concerns"/>), and takes
/// the finished entry (<see cref="Entry"/>) into its store's commit.
/// </summary>
internal sealed class AccessLogDraft(Func<CustomerId?, AccessLogEntry> build)
{
    /// <summary>The customer the change concerns, once named.</summary>
    public CustomerId? CustomerId { get; private set; }

    /// <summary>Names the customer the change concerns (or none).</summary>
    public void Concerns(CustomerId? customerId) => CustomerId = customerId;

    /// <summary>The entry, chained to the log's last entry, naming the customer the change concerns.</summary>
    public AccessLogEntry Entry() => build(CustomerId);
}
