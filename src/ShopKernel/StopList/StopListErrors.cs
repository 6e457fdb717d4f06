namespace ShopKernel.StopList;

/// <summary>The errors of the stop list; codes in <see cref="StopListErrorCodes"/>.</summary>
internal static class StopListErrors
{
    public static readonly ShopError RequestInvalid = new(StopListErrorCodes.RequestInvalid, "The stop-list request is missing or malformed.");
    public static readonly ShopError NoteInvalid = new(StopListErrorCodes.RequestInvalid, "The note is at most 1,000 characters.");
    public static readonly ShopError KeysMissing = new(StopListErrorCodes.KeysMissing, "An entry needs at least one key: a customer id, an e-mail, a phone, an address or a host key.");
    public static readonly ShopError EmailInvalid = new(StopListErrorCodes.EmailInvalid, "The e-mail address is not valid.");
    public static readonly ShopError AddressInvalid = new(StopListErrorCodes.AddressInvalid, "The address needs a street line and a postal code of at most 200 characters each and a two-letter country code.");
    public static readonly ShopError CustomerInvalid = new(StopListErrorCodes.KeyInvalid, "The customer id is empty.");
    public static readonly ShopError HostKeyInvalid = new(StopListErrorCodes.KeyInvalid, "The host key is blank or longer than 200 characters.");
    public static readonly ShopError ExpiryInPast = new(StopListErrorCodes.ExpiryInPast, "The expiry must be in the future.");
    public static readonly ShopError NotFound = new(StopListErrorCodes.NotFound, "No stop-list entry has this id.");
    public static readonly ShopError ConcurrencyConflict = new(StopListErrorCodes.ConcurrencyConflict, "The entry was changed concurrently; load it again.");
    public static readonly ShopError OrderNotFound = new(StopListErrorCodes.OrderNotFound, "No order has this number.");

    public static ShopError PhoneInvalid(ShopError reason) => new(StopListErrorCodes.PhoneInvalid, reason.Description);
}
