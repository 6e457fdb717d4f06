using System.Text.Json;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Orders;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>Converts between <see cref="Customer"/> and its stored <see cref="CustomerRecord"/>.</summary>
internal static class CustomerRecordMapper
{
    public static CustomerRecord ToRecord(Customer customer) => new()
    {
        Id = customer.Id.Value,
        Email = customer.Email,
        EmailKey = customer.EmailKey,
        EmailVerified = customer.EmailVerified,
        EmailClaimedAt = customer.EmailClaimedAt is { } emailClaimed ? Instants.ToStored(emailClaimed) : null,
        Phone = customer.Phone,
        PhoneVerified = customer.PhoneVerified,
        PhoneClaimedAt = customer.PhoneClaimedAt is { } phoneClaimed ? Instants.ToStored(phoneClaimed) : null,
        FirstName = customer.FirstName,
        LastName = customer.LastName,
        Birthday = customer.Birthday,
        BirthdayMonthDay = customer.Birthday is { } birthday ? BirthdayWindow.MonthDay(birthday) : null,
        ExternalSubject = customer.ExternalSubject,
        PasswordHash = customer.Password?.Hash,
        FailedSignIns = customer.Password?.FailedAttempts ?? 0,
        LockedUntil = customer.Password?.LockedUntil is { } until ? Instants.ToStored(until) : null,
        Addresses = JsonSerializer.Serialize(customer.Addresses.Select(AddressDocument.From).ToList(), OrderJsonContext.Default.ListAddressDocument),
        SecurityStamp = customer.SecurityStamp,
        CreatedAt = Instants.ToStored(customer.CreatedAt),
        Version = customer.Version,
    };

    public static Customer ToCustomer(CustomerRecord record) => new(
        new CustomerId(record.Id),
        record.Email,
        record.EmailKey,
        record.EmailVerified,
        record.EmailClaimedAt is { } emailClaimed ? Instants.FromStored(emailClaimed) : null,
        record.Phone,
        record.PhoneVerified,
        record.PhoneClaimedAt is { } phoneClaimed ? Instants.FromStored(phoneClaimed) : null,
        record.FirstName,
        record.LastName,
        record.Birthday,
        record.ExternalSubject,
        record.PasswordHash is null ? null : new PasswordCredential(record.PasswordHash, record.FailedSignIns, record.LockedUntil is { } until ? Instants.FromStored(until) : null),
        (JsonSerializer.Deserialize(record.Addresses, OrderJsonContext.Default.ListAddressDocument) ?? []).Select(a => a.ToAddress()),
        record.SecurityStamp,
        Instants.FromStored(record.CreatedAt),
        record.Version);
}
