using System.Text.Json;
using Microsoft.Extensions.Options;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Concurrency;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Orders;
using ShopKernel.PersonalData;
using ShopKernel.Staff;
using ShopKernel.Subscriptions;

namespace ShopKernel.Customers;

/// <summary>
/// A person's rights over their data (GDPR articles 15, 17 and 20): an export of everything ShopKernel holds about a
/// customer, as JSON, and erasure. Both are staff operations: they name the member of staff who carries out the
/// person's request, need their permission (<see cref="StaffPermissions.CustomersExport"/>,
/// <see cref="StaffPermissions.CustomersErase"/>) and are recorded in the access log.
/// </summary>
/// <remarks>
/// Erasure deletes the profile (contacts, name, birthday, addresses, credentials), the purchase facts and the carts,
/// and anonymises the orders: their contact, name, shipping address (all but the country), customer link and status
/// notes go, while their accounting facts (number, time, lines, amounts, payment method) stay, as tax law requires.
/// Guest orders placed with a contact the customer <em>verified</em> are anonymised too. Outstanding verification
/// tokens die with the profile. The consent ledger of the customer (and of guest subscriptions with a verified
/// contact) is redacted: its identifiers, IP addresses and user agents are replaced or removed, while the instants
/// and the facts of consent and withdrawal stay as proof. Erasure is idempotent.
/// </remarks>
public sealed class PersonalDataService
{
    private readonly ShopErrorDescriber _describer;
    private const int OrderPageSize = 100;

    /// <summary>An erasure rolled back by an order changing meanwhile runs again on fresh rows: five attempts in all.</summary>
    private static readonly RetryPolicy ErasureRetryPolicy = RetryPolicy.Attempts(5);

    private readonly ICustomerStore _customers;
    private readonly IOrderStore _orders;
    private readonly ICartStore _carts;
    private readonly ICheckoutStore _checkout;
    private readonly IConsentStore _consents;
    private readonly PersonalDataProtector _protector;
    private readonly OrderNumberFormat _numberFormat;
    private readonly ShopKernelOptions _options;
    private readonly TimeProvider _time;
    private readonly StaffAccess _access;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="customers">The customer store.</param>
    /// <param name="orders">The order store.</param>
    /// <param name="carts">The cart store.</param>
    /// <param name="checkout">The checkout store (purchase facts).</param>
    /// <param name="consents">The consent store (subscription history).</param>
    /// <param name="numberFormat">How order numbers are shown.</param>
    /// <param name="options">ShopKernel's options (the key consent redaction hashes with).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="access">The staff gate: permission check and access log.</param>
    /// <param name="protector">The blind indexes the consent ledger stores guest subjects by.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    internal PersonalDataService(
        ICustomerStore customers,
        IOrderStore orders,
        ICartStore carts,
        ICheckoutStore checkout,
        IConsentStore consents,
        OrderNumberFormat numberFormat,
        IOptions<ShopKernelOptions> options,
        TimeProvider timeProvider,
        StaffAccess access,
        PersonalDataProtector protector,
        ShopErrorDescriber? errorDescriber = null)
    {
        _protector = protector ?? throw new ArgumentNullException(nameof(protector));
        _access = access ?? throw new ArgumentNullException(nameof(access));
        ArgumentNullException.ThrowIfNull(options);
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        _options = options.Value;
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _carts = carts ?? throw new ArgumentNullException(nameof(carts));
        _checkout = checkout ?? throw new ArgumentNullException(nameof(checkout));
        _numberFormat = numberFormat ?? throw new ArgumentNullException(nameof(numberFormat));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>
    /// Writes everything ShopKernel holds about a customer as one UTF-8 JSON document: the profile and how they sign
    /// in (never the password hash), remembered addresses, purchase facts, the limited promotions they have redeemed, every order with its lines and
    /// history, and the open cart, and the history of their consent to each subscription topic. Orders are read page by page, so a long history is not held in memory at once.
    /// </summary>
    /// <param name="actor">The member of staff carrying out the request; needs <see cref="StaffPermissions.CustomersExport"/>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="utf8Json">Where to write the document; left open.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <c>customer.not_found</c> (nothing is written), <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result> ExportAsync(StaffActor actor, CustomerId customerId, Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var exported = await _access.RunAsync(
            actor,
            StaffPermissions.CustomersExport,
            StaffOperations.PersonalDataExport,
            customerId,
            null,
            async ct => await ExportCoreAsync(customerId, utf8Json, ct).ConfigureAwait(false) is { Succeeded: false } failed ? Result<int>.Fail(failed.Error!) : 1,
            rows => rows,
            cancellationToken).ConfigureAwait(false);
        return _describer.Apply(exported.Succeeded ? Result.Success : Result.Fail(exported.Error));
    }

    private async Task<Result> ExportCoreAsync(CustomerId customerId, Stream utf8Json, CancellationToken cancellationToken)
    {
        return await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerExport, async Task<Result> (_) =>
        {
            var customer = customerId.IsEmpty ? null : await _customers.FindByIdAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (customer is null)
            {
                return CustomerErrors.NotFound;
            }

            var facts = await _checkout.LoadFactsAsync(
                new CheckoutFactsQuery(customerId, []) { RedemptionSubjects = [Promotions.RedemptionSubjects.ForCustomer(customerId)] },
                cancellationToken).ConfigureAwait(false);
            var cart = await _carts.FindByCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
            var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
            await using (writer.ConfigureAwait(false))
            {
                writer.WriteStartObject();
                writer.WriteString("exportedAt", Clock.UtcNow(_time));
                WriteCustomer(writer, customer);
                writer.WriteStartArray("purchaseFacts");
                foreach (var fact in facts.PurchaseFacts.OrderBy(f => f.LifetimeSpend.Currency.Code, StringComparer.Ordinal))
                {
                    writer.WriteStartObject();
                    writer.WriteString("currency", fact.LifetimeSpend.Currency.Code);
                    writer.WriteNumber("orderCount", fact.OrderCount);
                    writer.WriteString("lifetimeSpend", fact.LifetimeSpend.ToString());
                    writer.WriteString("firstOrderAt", fact.FirstOrderAt);
                    writer.WriteString("lastOrderAt", fact.LastOrderAt);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("promotionRedemptions");
                foreach (var redemption in facts.Redemptions.OrderBy(r => r.PromotionId, StringComparer.Ordinal).ThenBy(r => r.PeriodKey, StringComparer.Ordinal))
                {
                    writer.WriteStartObject();
                    writer.WriteString("promotionId", redemption.PromotionId);
                    writer.WriteString("period", redemption.PeriodKey);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("orders");
                OrderNumber? before = null;
                while (true)
                {
                    var page = await _orders.ListByCustomerAsync(customerId, before, OrderPageSize, cancellationToken).ConfigureAwait(false);
                    foreach (var order in page)
                    {
                        WriteOrder(writer, order);
                    }

                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    if (page.Count < OrderPageSize)
                    {
                        break;
                    }

                    before = page[^1].Number;
                }

                writer.WriteEndArray();
                if (cart is null)
                {
                    writer.WriteNull("cart");
                }
                else
                {
                    WriteCart(writer, cart);
                }

                var consents = await _consents.ReadHistoryAsync(ConsentSubject.AllStoredSubjectsOf(customer, _protector), null, cancellationToken).ConfigureAwait(false);
                WriteSubscriptions(writer, consents);
                writer.WriteEndObject();
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return Result.Success;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Erases a customer: see the remarks on <see cref="PersonalDataService"/>. Runs in one transaction; calling it
    /// again (or for an unknown id) succeeds and erases nothing more.
    /// </summary>
    /// <param name="actor">The member of staff carrying out the request; needs <see cref="StaffPermissions.CustomersErase"/>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// What was erased, or <c>customer.request_invalid</c> for an empty id, or <c>customer.concurrency_conflict</c>
    /// (nothing erased) when the customer's orders kept changing through every attempt, <c>staff.actor_invalid</c>,
    /// <c>staff.permission_denied</c>.
    /// </returns>
    /// <remarks>The access log keeps that the customer's data was accessed and by whom, and loses the details of those entries.</remarks>
    public async Task<Result<CustomerErasure>> EraseAsync(StaffActor actor, CustomerId customerId, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunChangeAsync(
            actor,
            StaffPermissions.CustomersErase,
            StaffOperations.Erase,
            null,
            (draft, ct) =>
            {
                draft.Concerns(customerId.IsEmpty ? null : customerId);
                return EraseCoreAsync(customerId, draft, ct);
            },
            static _ => true,
            cancellationToken).ConfigureAwait(false));

    private async Task<Result<CustomerErasure>> EraseCoreAsync(CustomerId customerId, AccessLogDraft draft, CancellationToken cancellationToken)
    {
        return await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerErase, async Task<Result<CustomerErasure>> (_) =>
        {
            if (customerId.IsEmpty)
            {
                return CustomerErrors.RequestInvalid;
            }

            var customer = await _customers.FindByIdAsync(customerId, cancellationToken).ConfigureAwait(false);
            var emailKey = customer is { EmailVerified: true } ? customer.EmailKey : null;
            var phone = customer is { PhoneVerified: true } ? customer.Phone : null;
            var redactions = ConsentRedactor.For(_options.Tokens, customer is null ? [ConsentSubject.ForCustomer(customerId).Stored] : ConsentSubject.AllStoredSubjectsOf(customer, _protector), Clock.UtcNow(_time));
            return await OptimisticRetry.RunAsync(
                ErasureRetryPolicy,
                async Task<Result<CustomerErasure>?> (_, ct) =>
                {
                    // The erasure, the removal of what staff searched for to reach the customer, and its own entry commit together.
                    var written = await _customers.EraseAsync(customerId, emailKey, phone, OrderAnonymisation.Erasure, redactions, draft.Entry(), ct).ConfigureAwait(false);
                    return written.TryGetValue(out var erasure) ? erasure
                        : written.Write.DuplicateKey == AccessLogKeys.Sequence ? StaffErrors.AccessLogRaced
                        : (Result<CustomerErasure>?)null;
                },
                CustomerErrors.ConcurrencyConflict,
                retrying: null,
                cancellationToken).ConfigureAwait(false);
        }, TagErasure).ConfigureAwait(false);
    }

    private static void TagErasure(System.Diagnostics.Activity activity, CustomerErasure erasure)
    {
        activity.SetTag(ShopKernelTelemetry.Tags.ProfileRemoved, erasure.CustomerRemoved);
        activity.SetTag(ShopKernelTelemetry.Tags.CartsRemoved, erasure.CartsRemoved);
        activity.SetTag(ShopKernelTelemetry.Tags.OrdersAnonymised, erasure.OrdersAnonymised);
    }

    private static void WriteSubscriptions(Utf8JsonWriter writer, IReadOnlyList<ConsentEvent> events)
    {
        writer.WriteStartArray("subscriptions");
        foreach (var history in events.GroupBy(e => (e.Subject.Kind, e.Topic)).OrderBy(g => g.Key.Topic, StringComparer.Ordinal).ThenBy(g => g.Key.Kind))
        {
            writer.WriteStartObject();
            writer.WriteString("topic", history.Key.Topic);
            writer.WriteString("subject", history.Key.Kind.ToString());
            writer.WriteString("state", ConsentStateMachine.Replay(history.Select(e => e.Kind)).ToString());
            writer.WriteStartArray("events");
            foreach (var e in history.OrderBy(e => e.Sequence))
            {
                writer.WriteStartObject();
                writer.WriteString("kind", e.Kind.ToString());
                writer.WriteString("at", e.At);
                writer.WriteString("source", e.Evidence.Source.ToString());
                writer.WriteString("wordingVersion", e.Evidence.WordingVersion);
                writer.WriteBoolean("boxStartedUnticked", e.Evidence.BoxStartedUnticked);
                writer.WriteString("ipAddress", e.Evidence.IpAddress);
                writer.WriteString("userAgent", e.Evidence.UserAgent);
                writer.WriteString("actor", e.Evidence.Actor);
                if (e.ExpiresAt is { } expiresAt)
                {
                    writer.WriteString("expiresAt", expiresAt);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteCustomer(Utf8JsonWriter writer, Customer customer)
    {
        writer.WriteStartObject("customer");
        writer.WriteString("id", customer.Id.Value);
        writer.WriteString("email", customer.Email);
        writer.WriteBoolean("emailVerified", customer.EmailVerified);
        writer.WriteString("phone", customer.Phone);
        writer.WriteBoolean("phoneVerified", customer.PhoneVerified);
        writer.WriteString("firstName", customer.FirstName);
        writer.WriteString("lastName", customer.LastName);
        if (customer.Birthday is { } birthday)
        {
            writer.WriteString("birthday", birthday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("birthday");
        }

        writer.WriteString("registeredAt", customer.CreatedAt);
        writer.WriteBoolean("hasPassword", customer.Password is not null);
        writer.WriteString("externalSubject", customer.ExternalSubject);
        writer.WriteStartArray("addresses");
        foreach (var address in customer.Addresses)
        {
            WriteAddress(writer, null, address);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteOrder(Utf8JsonWriter writer, Order order)
    {
        writer.WriteStartObject();
        writer.WriteString("number", order.Number.ToString(_numberFormat));
        writer.WriteString("placedAt", order.PlacedAt);
        writer.WriteString("status", order.Status.ToString());
        writer.WriteString("paymentMethod", order.PaymentMethod);
        writer.WriteStartObject("contact");
        writer.WriteString("email", order.Contact.Email);
        writer.WriteString("phone", order.Contact.Phone);
        writer.WriteString("firstName", order.Contact.FirstName);
        writer.WriteString("lastName", order.Contact.LastName);
        writer.WriteEndObject();
        WriteAddress(writer, "shippingAddress", order.ShippingAddress);
        writer.WriteStartArray("lines");
        foreach (var line in order.Lines)
        {
            WriteLine(writer, line.Name, line.Sku, line.Options, line.PictureUrl, line.Quantity, line.UnitPrice, line.Total);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("discounts");
        foreach (var adjustment in order.Adjustments)
        {
            writer.WriteStartObject();
            writer.WriteString("explanation", adjustment.Explanation);
            writer.WriteString("amount", adjustment.Amount.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("subtotal", order.Subtotal.ToString());
        writer.WriteString("discount", order.Discount.ToString());
        writer.WriteString("total", order.Total.ToString());
        writer.WriteString("returned", order.Returned.ToString());
        writer.WriteString("refunded", order.Refunded.ToString());
        writer.WriteString("net", order.Net.ToString());
        writer.WriteStartArray("returns");
        foreach (var returned in order.Returns)
        {
            writer.WriteStartObject();
            writer.WriteString("at", returned.At);
            writer.WriteString("reason", returned.Reason.Code);
            writer.WriteString("note", returned.Reason.Text);
            writer.WriteStartArray("lines");
            foreach (var line in returned.Lines)
            {
                writer.WriteStartObject();
                writer.WriteString("sku", order.Lines.First(l => l.LineNumber == line.LineNumber).Sku);
                writer.WriteNumber("quantity", line.Quantity);
                writer.WriteString("value", line.Value.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("refunds");
        foreach (var refund in order.Refunds)
        {
            writer.WriteStartObject();
            writer.WriteString("at", refund.At);
            writer.WriteString("reason", refund.Reason.Code);
            writer.WriteString("note", refund.Reason.Text);
            writer.WriteString("amount", refund.Amount(order.Currency).ToString());
            writer.WriteString("paymentReference", refund.PaymentReference);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("history");
        foreach (var change in order.History)
        {
            writer.WriteStartObject();
            writer.WriteString("status", change.Status.ToString());
            writer.WriteString("at", change.At);
            writer.WriteString("note", change.Note);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCart(Utf8JsonWriter writer, Cart cart)
    {
        writer.WriteStartObject("cart");
        writer.WriteString("updatedAt", cart.UpdatedAt);
        writer.WriteStartArray("lines");
        foreach (var line in cart.Lines)
        {
            WriteLine(writer, line.Name, line.Sku, line.Options, line.PictureUrl, line.Quantity, line.UnitPrice, total: null);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter writer, string name, string sku, LineOptions options, string? pictureUrl, int quantity, Money unitPrice, Money? total)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("sku", sku);
        writer.WriteStartObject("options");
        foreach (var (option, value) in options)
        {
            writer.WriteString(option, value);
        }

        writer.WriteEndObject();
        writer.WriteString("pictureUrl", pictureUrl);
        writer.WriteNumber("quantity", quantity);
        writer.WriteString("unitPrice", unitPrice.ToString());
        if (total is { } lineTotal)
        {
            writer.WriteString("total", lineTotal.ToString());
        }

        writer.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter writer, string? propertyName, PostalAddress address)
    {
        if (propertyName is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(propertyName);
        }

        writer.WriteString("recipient", address.Recipient);
        writer.WriteString("line1", address.Line1);
        writer.WriteString("line2", address.Line2);
        writer.WriteString("postalCode", address.PostalCode);
        writer.WriteString("city", address.City);
        writer.WriteString("region", address.Region);
        writer.WriteString("countryCode", address.CountryCode);
        writer.WriteEndObject();
    }
}
