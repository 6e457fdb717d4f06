namespace ShopKernel.Staff;

/// <summary>
/// The named permissions ShopKernel asks the host's <see cref="IStaffAuthorizer"/> about, one per kind of staff
/// operation. A host maps each to its own roles or policies (with ASP.NET Core, one authorization policy per name).
/// </summary>
public static class StaffPermissions
{
    /// <summary>Look up and list customers and guest buyers, and query segments (contacts masked).</summary>
    public const string CustomersRead = "customers.read";

    /// <summary>See one customer's contacts unmasked; each use is a logged access of that customer.</summary>
    public const string CustomersUnmask = "customers.unmask";

    /// <summary>Export customers (CSV, XLSX) and a customer's personal data.</summary>
    public const string CustomersExport = "customers.export";

    /// <summary>Erase a customer.</summary>
    public const string CustomersErase = "customers.erase";

    /// <summary>Change orders' statuses, cancel, return and refund.</summary>
    public const string OrdersManage = "orders.manage";

    /// <summary>Create, change and deactivate promotions.</summary>
    public const string PromotionsManage = "promotions.manage";

    /// <summary>Add to, change and remove from the stop list.</summary>
    public const string StopListManage = "stoplist.manage";

    /// <summary>Look at the stop list: its entries (with their keys' masked hints), a search by a buyer's keys, an entry's audit trail.</summary>
    public const string StopListRead = "stoplist.read";

    /// <summary>Look up a person's subscriptions and consent history.</summary>
    public const string SubscriptionsRead = "subscriptions.read";

    /// <summary>Read and verify the access log.</summary>
    public const string AccessLogRead = "accesslog.read";

    /// <summary>Every permission above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CustomersRead, CustomersUnmask, CustomersExport, CustomersErase, OrdersManage, PromotionsManage, StopListManage, StopListRead, SubscriptionsRead, AccessLogRead];
}
