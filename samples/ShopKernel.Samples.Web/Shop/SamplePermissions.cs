using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>The sample's own permissions, beside ShopKernel's <see cref="StaffPermissions"/>, for what only the sample does.</summary>
public static class SamplePermissions
{
    /// <summary>Send the newsletter to its subscribers.</summary>
    public const string NewsletterSend = "newsletter.send";

    /// <summary>Every permission above.</summary>
    public static IReadOnlyList<string> All { get; } = [NewsletterSend];
}

/// <summary>
/// The names of the staff operations the sample runs through ShopKernel's gate (<see cref="StaffAccess.RunAsync"/>)
/// itself, so that they are checked and recorded in the access log like ShopKernel's own (<see cref="StaffOperations"/>).
/// </summary>
public static class SampleOperations
{
    /// <summary>The staff home's list of recent orders (buyers' names).</summary>
    public const string OrderList = "orders.list";

    /// <summary>One order's page (the buyer's contact and address).</summary>
    public const string OrderView = "orders.view";

    /// <summary>Sending the newsletter.</summary>
    public const string NewsletterSend = "newsletter.send";
}
