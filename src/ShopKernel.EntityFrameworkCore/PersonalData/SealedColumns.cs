namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>
/// The names a sealed value is bound to (its associated data), one per column: a value copied into another column or
/// another subject's row does not open. They name what the value is, not the host's table or column names, which a
/// host may change.
/// </summary>
internal static class SealedColumns
{
    public const string CustomerEmail = "customer.email";
    public const string CustomerPhone = "customer.phone";
    public const string CustomerFirstName = "customer.first_name";
    public const string CustomerLastName = "customer.last_name";
    public const string CustomerBirthday = "customer.birthday";
    public const string CustomerAddresses = "customer.addresses";
    public const string OrderEmail = "order.email";
    public const string OrderPhone = "order.phone";
    public const string OrderFirstName = "order.first_name";
    public const string OrderLastName = "order.last_name";
    public const string OrderShippingAddress = "order.shipping_address";
    public const string SubscriptionGuestContact = "subscription.guest_contact";
    public const string ConsentIpAddress = "consent.ip_address";
    public const string ConsentUserAgent = "consent.user_agent";
}
