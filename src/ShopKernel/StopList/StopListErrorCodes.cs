namespace ShopKernel.StopList;

/// <summary>The stable error codes of the stop list; a host maps them to responses.</summary>
public static class StopListErrorCodes
{
    /// <summary>The request is missing or malformed: a note too long, an unknown scope or reason, a bad page size. Map to 400.</summary>
    public const string RequestInvalid = "stop_list.request_invalid";

    /// <summary>An entry needs at least one key (customer, e-mail, phone, address or host key). Map to 400.</summary>
    public const string KeysMissing = "stop_list.keys_missing";

    /// <summary>The e-mail address is not valid. Map to 400.</summary>
    public const string EmailInvalid = "stop_list.email_invalid";

    /// <summary>The phone number cannot be read as a valid number (or needs its country code). Map to 400.</summary>
    public const string PhoneInvalid = "stop_list.phone_invalid";

    /// <summary>The address lacks a street line or postal code, has a field too long, or a country code that is not two letters. Map to 400.</summary>
    public const string AddressInvalid = "stop_list.address_invalid";

    /// <summary>The customer id is empty, or the host key is blank or longer than 200 characters. Map to 400.</summary>
    public const string KeyInvalid = "stop_list.key_invalid";

    /// <summary>The expiry is not in the future. Map to 400.</summary>
    public const string ExpiryInPast = "stop_list.expiry_in_past";

    /// <summary>No entry has this id. Map to 404.</summary>
    public const string NotFound = "stop_list.not_found";

    /// <summary>The entry was changed concurrently; load it again. Map to 409.</summary>
    public const string ConcurrencyConflict = "stop_list.concurrency_conflict";

    /// <summary>No order has this number. Map to 404.</summary>
    public const string OrderNotFound = "stop_list.order_not_found";
}
