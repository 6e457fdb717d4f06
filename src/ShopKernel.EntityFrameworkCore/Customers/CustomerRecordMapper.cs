using System.Globalization;
using System.Text.Json;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.PersonalData;
using Columns = ShopKernel.EntityFrameworkCore.PersonalData.SealedColumns;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>Converts between <see cref="Customer"/> and its stored <see cref="CustomerRecord"/>, sealing and opening its personal data.</summary>
internal static class CustomerRecordMapper
{
    public static CustomerRecord ToRecord(Customer customer, DataKey key, DataKeys keys) => new()
    {
        Id = customer.Id.Value,
        Email = SealedEmail.Seal(key, customer.Email, customer.EmailKey),
        EmailKey = keys.Email(customer.EmailKey),
        EmailVerified = customer.EmailVerified,
        EmailClaimedAt = customer.EmailClaimedAt is { } emailClaimed ? Instants.ToStored(emailClaimed) : null,
        Phone = key.Seal(Columns.CustomerPhone, customer.Phone),
        PhoneKey = keys.Phone(customer.Phone),
        PhoneVerified = customer.PhoneVerified,
        PhoneClaimedAt = customer.PhoneClaimedAt is { } phoneClaimed ? Instants.ToStored(phoneClaimed) : null,
        FirstName = key.Seal(Columns.CustomerFirstName, customer.FirstName)!,
        LastName = key.Seal(Columns.CustomerLastName, customer.LastName)!,
        Birthday = key.Seal(Columns.CustomerBirthday, customer.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        BirthdayIndex = keys.Birthday(customer.Birthday),
        ExternalSubject = customer.ExternalSubject,
        PasswordHash = customer.Password?.Hash,
        FailedSignIns = customer.Password?.FailedAttempts ?? 0,
        LockedUntil = customer.Password?.LockedUntil is { } until ? Instants.ToStored(until) : null,
        Addresses = key.Seal(Columns.CustomerAddresses, JsonSerializer.Serialize(customer.Addresses.Select(AddressDocument.From).ToList(), OrderJsonContext.Default.ListAddressDocument))!,
        SecurityStamp = customer.SecurityStamp,
        CreatedAt = Instants.ToStored(customer.CreatedAt),
        Version = customer.Version,
    };

    /// <summary>The customer a row holds, or <see langword="null"/> when its data key was shredded (an erased customer's row restored from a copy).</summary>
    /// <exception cref="InvalidOperationException">The row was stored in plain text, before personal data was sealed.</exception>
    public static Customer? ToCustomer(Keyed<CustomerRecord> row, DataKeys keys)
    {
        var record = row.Row;
        return KeyOf(keys, record.Id, row.KeyId, row.Wrapped, record.FirstName) is { } key ? ToCustomer(record, key) : null;
    }

    /// <summary>
    /// The data key read with a customer's row, or <see langword="null"/> when it was shredded (the row is an erased
    /// customer's old copy, its values sealed).
    /// </summary>
    /// <exception cref="InvalidOperationException">The row has no key because it was stored in plain text, before sealing: it must not pass for erased.</exception>
    public static DataKey? KeyOf(DataKeys keys, Guid id, string? keyId, byte[]? wrapped, string sealedFirstName) =>
        Checked(keys.Open(id, keyId, wrapped), id, sealedFirstName);

    /// <summary><paramref name="key"/>, or <see langword="null"/> for a shredded one (the row's values sealed).</summary>
    /// <exception cref="InvalidOperationException">The row has no key because it was stored in plain text, before sealing.</exception>
    public static DataKey? Checked(DataKey? key, Guid id, string sealedFirstName) =>
        key ?? (DataKey.LooksSealed(sealedFirstName) ? null : throw PlainTextRows.Refused($"Customer {id}"));

    private static Customer ToCustomer(CustomerRecord record, DataKey key) =>
        ToCustomer(record, SealedEmail.Open(key, record.Email), key.Open);

    /// <summary>
    /// The customer a row stored in plain text holds (by a release before sealed personal data), its e-mail key
    /// normalised anew from the address (<paramref name="emailKey"/>): what <see cref="ToRecord"/> then seals.
    /// </summary>
    public static Customer FromPlainText(CustomerRecord record, string? emailKey) =>
        ToCustomer(record, (record.Email, emailKey), static (_, value) => value);

    private static Customer ToCustomer(CustomerRecord record, (string? Email, string? EmailKey) email, Func<string, string?, string?> open) =>
        new(
            new CustomerId(record.Id),
            email.Email,
            email.EmailKey,
            record.EmailVerified,
            record.EmailClaimedAt is { } emailClaimed ? Instants.FromStored(emailClaimed) : null,
            open(Columns.CustomerPhone, record.Phone),
            record.PhoneVerified,
            record.PhoneClaimedAt is { } phoneClaimed ? Instants.FromStored(phoneClaimed) : null,
            open(Columns.CustomerFirstName, record.FirstName)!,
            open(Columns.CustomerLastName, record.LastName)!,
            ParseBirthday(open(Columns.CustomerBirthday, record.Birthday)),
            record.ExternalSubject,
            record.PasswordHash is null ? null : new PasswordCredential(record.PasswordHash, record.FailedSignIns, record.LockedUntil is { } until ? Instants.FromStored(until) : null),
            (JsonSerializer.Deserialize(open(Columns.CustomerAddresses, record.Addresses) is { Length: > 0 } addresses ? addresses : "[]", OrderJsonContext.Default.ListAddressDocument) ?? []).Select(a => a.ToAddress()),
            record.SecurityStamp,
            Instants.FromStored(record.CreatedAt),
            record.Version);

    public static DateOnly? OpenBirthday(DataKey key, string? sealedBirthday) => ParseBirthday(key.Open(Columns.CustomerBirthday, sealedBirthday));

    private static DateOnly? ParseBirthday(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
