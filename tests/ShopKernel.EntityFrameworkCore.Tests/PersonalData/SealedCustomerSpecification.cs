using Microsoft.EntityFrameworkCore;
using ShopKernel.Orders;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.EntityFrameworkCore.Tests.PersonalData;

/// <summary>What the customers' table holds: sealed personal data, blind indexes, and nothing an erased customer's old copy opens with.</summary>
public abstract class SealedCustomerSpecification : CustomerSteps
{
    private static readonly PostalAddress Street = new("Zoë Ångström", "Łąkowa Straße 12", "80-001", "Gdańsk", "PL");

    /// <summary>Every personal value of the customer below, as typed and in the forms a JSON writer escapes to.</summary>
    private static readonly string[] PlainValues =
        ["zoe.angstrom@example.org", "+48585551234", "585551234", "Angstrom-Quist", "Zoë", "1979-07-14", "Łąkowa", "Straße", "Gdańsk", "80-001", "\\u0141\\u0105kowa", "Stra\\u00DFe", "Gda\\u0144sk"];

    private EfStorage Ef => (EfStorage)Storage;

    private async Task<Customer> ZoeAsync()
    {
        var registered = await RegisterAsync(new CustomerRegistration("Zoë", "Angstrom-Quist")
        {
            Email = "Zoe.Angstrom@example.org", Phone = "+48 58 555 12 34", Birthday = new DateOnly(1979, 7, 14), Password = Password,
        });
        Assert.True(registered.Succeeded, registered.Error?.ToString());
        Assert.True((await VerifyAsync(await TokenAsync(registered.Value.Id, ContactKind.Email), Password)).Succeeded);
        var remembered = await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(registered.Value.Id, Street));
        Assert.True(remembered.Succeeded, remembered.Error?.ToString());
        return remembered.Value;
    }

    [Fact]
    public async Task No_contact_name_birthday_or_street_of_a_customer_is_stored_in_plain_text_and_the_shop_reads_them_all()
    {
        var zoe = await ZoeAsync();

        Assert.Empty(await Ef.FindAnyTextAsync(PlainValues));

        var read = (await Use<CustomerService, Result<Customer>>(s => s.GetAsync(zoe.Id))).Value;
        Assert.Equal(("Zoe.Angstrom@example.org", "+48585551234", "Zoë", "Angstrom-Quist", new DateOnly(1979, 7, 14)), (read.Email, read.Phone, read.FirstName, read.LastName, read.Birthday));
        Assert.Equal(Street, Assert.Single(read.Addresses));
        var signedIn = await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("zoe.angstrom@EXAMPLE.org", Password));
        Assert.Equal(zoe.Id, signedIn.Value.Id);
        var birthdays = await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(Clerk, new CustomerSegment { Birthday = new BirthdayWindow(new DateOnly(2026, 7, 10), 7) }));
        Assert.Equal([zoe.Id], birthdays.Value.Items.Select(c => c.Id));
        var missed = await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(Clerk, new CustomerSegment { Birthday = new BirthdayWindow(new DateOnly(2026, 7, 15), 30) }));
        Assert.Empty(missed.Value.Items);
    }

    [Fact]
    public async Task An_erased_customers_row_restored_from_an_earlier_copy_opens_to_nothing()
    {
        var zoe = await ZoeAsync();
        await using (var db = Ef.CreateContext())
        {
            var copy = await db.Set<CustomerRecord>().AsNoTracking().SingleAsync(c => c.Id == zoe.Id.Value);
            Assert.True(await db.Set<DataKeyRecord>().AnyAsync(k => k.Subject == zoe.Id.Value));

            var erased = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, zoe.Id));
            Assert.True(erased.Succeeded, erased.Error?.ToString());
            Assert.False(await db.Set<DataKeyRecord>().AnyAsync(k => k.Subject == zoe.Id.Value));

            // A backup taken before the erasure brings the row back; its key is gone with the erasure.
            db.Set<CustomerRecord>().Add(copy);
            await db.SaveChangesAsync();
        }

        Assert.Null(await Use<ICustomerStore, Customer?>(s => s.FindByIdAsync(zoe.Id)));
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("zoe.angstrom@example.org", Password))).Error?.Code);
        var listed = await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(Clerk, CustomerSegment.All));
        Assert.Empty(listed.Value.Items);
        Assert.Empty(await Ef.FindAnyTextAsync(PlainValues));
    }

    [Fact]
    public async Task Key_rotation_moves_every_data_key_to_the_new_key_while_both_open_them_and_then_the_old_key_can_go()
    {
        var zoe = await ZoeAsync();
        var newKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("the next encryption key"u8));
        ShopKernel.PersonalData.PersonalDataProtector Protector(params string[] keys) =>
            new(new ShopKernel.PersonalData.PersonalDataOptions { EncryptionKeys = keys, IndexKey = TestPersonalDataKeys.IndexKey });
        var rotated = Protector(newKey, TestPersonalDataKeys.EncryptionKey);
        var newOnly = Protector(newKey);

        async Task<Customer?> ReadAsync(ShopKernel.PersonalData.PersonalDataProtector protector)
        {
            await using var db = Ef.CreateContext();
            using var keys = new DataKeys(protector);
            return await new EfCustomerStore<TestShopContext>(db, keys).FindByIdAsync(zoe.Id);
        }

        Assert.Equal(0, await Use<ShopKernel.PersonalData.PersonalDataKeyRotation, int>(r => r.RotateAsync())); // the shop's own key is the active one
        Assert.Equal(zoe.Email, (await ReadAsync(rotated))!.Email);
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(newOnly));

        long moved;
        await using (var db = Ef.CreateContext())
        {
            var rotation = new ShopKernel.PersonalData.PersonalDataKeyRotation(new EfDataKeyStore<TestShopContext>(db), rotated);
            moved = await rotation.RotateAllAsync();
            Assert.Equal(0, await rotation.RotateAsync());
            Assert.Equal([newOnly.ActiveKeyId], await db.Set<DataKeyRecord>().Select(k => k.KeyId).Distinct().ToListAsync());
        }

        Assert.Equal(1, moved);
        var read = await ReadAsync(newOnly);
        Assert.Equal((zoe.Email, zoe.Phone, zoe.FirstName, zoe.Birthday), (read!.Email, read.Phone, read.FirstName, read.Birthday));
        Assert.Equal(Street, Assert.Single(read.Addresses));
    }

    [Fact]
    public async Task Key_rotation_walks_every_key_in_batches_and_a_later_run_finds_nothing_left()
    {
        for (var n = 0; n < 5; n++)
        {
            Assert.True((await RegisterAsync(new CustomerRegistration("Zoe", "Walker" + n) { Email = $"walker.{n}@example.org" })).Succeeded);
        }

        await GuestOrderAsync(Guest);
        var newKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("the next encryption key"u8));
        var rotated = new ShopKernel.PersonalData.PersonalDataProtector(
            new ShopKernel.PersonalData.PersonalDataOptions { EncryptionKeys = [newKey, TestPersonalDataKeys.EncryptionKey], IndexKey = TestPersonalDataKeys.IndexKey });
        await using var db = Ef.CreateContext();
        var total = await db.Set<DataKeyRecord>().CountAsync();
        var rotation = new ShopKernel.PersonalData.PersonalDataKeyRotation(new EfDataKeyStore<TestShopContext>(db), rotated);

        var batches = new List<int>();
        for (int moved; (moved = await rotation.RotateAsync(batchSize: 2)) > 0;)
        {
            batches.Add(moved);
        }

        Assert.Equal(6, total);
        Assert.Equal([2, 2, 2], batches);
        Assert.Equal([rotated.ActiveKeyId], await db.Set<DataKeyRecord>().Select(k => k.KeyId).Distinct().ToListAsync());
        Assert.Equal(0, await new ShopKernel.PersonalData.PersonalDataKeyRotation(new EfDataKeyStore<TestShopContext>(db), rotated).RotateAllAsync());
    }

    [Fact]
    public async Task A_customer_row_stored_in_plain_text_fails_loudly_instead_of_passing_for_erased()
    {
        var id = Guid.CreateVersion7();
        await using (var db = Ef.CreateContext())
        {
            db.Set<CustomerRecord>().Add(new CustomerRecord
            {
                Id = id, Email = "old@example.org", EmailKey = "old@example.org", FirstName = "Olga", LastName = "Oldrow", Addresses = "[]",
                SecurityStamp = "stamp", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Use<ICustomerStore, Customer?>(s => s.FindByIdAsync(new CustomerId(id))));
        Assert.Contains("plain text", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Olga", failure.Message, StringComparison.Ordinal);
    }
}

[Trait("Provider", "SQLite")]
public sealed class SqliteSealedCustomerTests : SealedCustomerSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresSealedCustomerTests : SealedCustomerSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("sealed_customers");
}
