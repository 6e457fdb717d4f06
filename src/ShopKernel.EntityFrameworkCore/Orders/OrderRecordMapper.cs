using System.Text.Json;
using ShopKernel.Analytics;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.Orders;
using ShopKernel.PersonalData;
using ShopKernel.Pricing;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>Converts between <see cref="Order"/> and its stored <see cref="OrderRecord"/>.</summary>
internal static class OrderRecordMapper
{
    /// <summary>
    /// The row of a new order: the buyer's contact, names and address sealed under the order's own data
    /// <paramref name="key"/>, the e-mail (by its normalised <paramref name="emailKey"/>) and phone found by blind indexes.
    /// </summary>
    public static OrderRecord ToRecord(Order order, DataKey key, DataKeys keys, string? emailKey)
    {
        var record = new OrderRecord
        {
            Id = order.Id,
            Number = order.Number.Value,
            CartId = order.CartId,
            CartToken = order.CartToken,
            IdempotencyKey = order.IdempotencyKey,
            CustomerId = order.CustomerId?.Value,
            Status = (int)order.Status,
            Currency = order.Currency.Code,
            Subtotal = order.Subtotal.MinorUnits,
            Discount = order.Discount.MinorUnits,
            Total = order.Total.MinorUnits,
            PaymentMethod = order.PaymentMethod,
            Lines = JsonSerializer.Serialize(order.Lines.Select(ToDocument).ToList(), OrderJsonContext.Default.ListOrderLineDocument),
            Adjustments = JsonSerializer.Serialize(ToDocuments(order.Adjustments) ?? [], OrderJsonContext.Default.ListAdjustmentDocument),
            History = SerializeHistory(order),
            PlacedAt = Instants.ToStored(order.PlacedAt),
            UpdatedAt = Instants.ToStored(LastChange(order)),
            Version = order.Version,
            Returns = SerializeReturns(order),
            Refunds = SerializeRefunds(order),
            Returned = order.Returned.MinorUnits,
            Refunded = order.Refunded.MinorUnits,
            AcquisitionSource = order.Acquisition?.Source,
            AcquisitionMedium = order.Acquisition?.Medium,
            AcquisitionCampaign = order.Acquisition?.Campaign,
            ReferrerHost = order.Acquisition?.ReferrerHost,
            LandingPath = order.Acquisition?.LandingPath,
            HeardAbout = order.Acquisition?.HeardAbout,
        };
        var contact = order.Contact;
        SealBuyer(record, key, keys, contact.Email, emailKey, contact.Phone, contact.FirstName, contact.LastName, JsonSerializer.Serialize(AddressDocument.From(order.ShippingAddress), OrderJsonContext.Default.AddressDocument));
        return record;
    }

    /// <summary>
    /// Writes the buyer's columns of <paramref name="record"/>: the contact, names and address document sealed under
    /// the order's data <paramref name="key"/>, the e-mail (by its normalised <paramref name="emailKey"/>) and the phone
    /// as blind indexes. A new order's row and a row sealed after an upgrade (<see cref="PersonalData.EfPlainRowStore{TContext}"/>) both come through here.
    /// </summary>
    public static void SealBuyer(OrderRecord record, DataKey key, DataKeys keys, string? email, string? emailKey, string? phone, string firstName, string lastName, string addressDocument)
    {
        record.Email = key.Seal(SealedColumns.OrderEmail, email);
        record.EmailKey = keys.Email(emailKey);
        record.Phone = key.Seal(SealedColumns.OrderPhone, phone);
        record.PhoneKey = keys.Phone(phone);
        record.FirstName = key.Seal(SealedColumns.OrderFirstName, firstName)!;
        record.LastName = key.Seal(SealedColumns.OrderLastName, lastName)!;
        record.ShippingAddress = key.Seal(SealedColumns.OrderShippingAddress, addressDocument)!;
    }

    /// <summary>
    /// What a status change, return or refund writes (<see cref="OrderStatements.Update"/>) and the keys its other
    /// statements name (id, customer, currency); the columns placed once and never changed are left empty.
    /// </summary>
    public static OrderRecord ToChange(Order order) => new()
    {
        Id = order.Id,
        CustomerId = order.CustomerId?.Value,
        Currency = order.Currency.Code,
        Status = (int)order.Status,
        History = SerializeHistory(order),
        Returns = SerializeReturns(order),
        Refunds = SerializeRefunds(order),
        Returned = order.Returned.MinorUnits,
        Refunded = order.Refunded.MinorUnits,
        UpdatedAt = Instants.ToStored(LastChange(order)),
        Version = order.Version,
    };

    /// <summary>When the order last changed: its last status change, return or refund.</summary>
    public static DateTimeOffset LastChange(Order order)
    {
        var at = order.History[^1].At;
        if (order.Returns.Count > 0 && order.Returns[^1].At > at)
        {
            at = order.Returns[^1].At;
        }

        return order.Refunds.Count > 0 && order.Refunds[^1].At > at ? order.Refunds[^1].At : at;
    }

    public static string SerializeReturns(Order order) =>
        order.Returns.Count == 0 ? "[]" : JsonSerializer.Serialize(order.Returns.Select(ToDocument).ToList(), OrderJsonContext.Default.ListReturnDocument);

    public static string SerializeRefunds(Order order) =>
        order.Refunds.Count == 0 ? "[]" : JsonSerializer.Serialize(order.Refunds.Select(ToDocument).ToList(), OrderJsonContext.Default.ListRefundDocument);

    public static List<OrderReturn> ReadReturns(string stored, Currency currency) =>
        stored is "[]" or "" ? [] : JsonSerializer.Deserialize(stored, OrderJsonContext.Default.ListReturnDocument)!.ConvertAll(d => ToReturn(d, currency));

    public static List<OrderRefund> ReadRefunds(string stored, Currency currency) =>
        stored is "[]" or "" ? [] : JsonSerializer.Deserialize(stored, OrderJsonContext.Default.ListRefundDocument)!.ConvertAll(d => ToRefund(d, currency));

    public static ReturnDocument ToDocument(OrderReturn r) => Acted(
        new ReturnDocument
        {
            Restocked = r.Restocked,
            Lines = [.. r.Lines.Select(l => new ReturnedLineDocument { Number = l.LineNumber, Quantity = l.Quantity, Value = l.Value.MinorUnits })],
        },
        r.Key,
        r.At,
        r.Actor,
        r.Reason);

    public static RefundDocument ToDocument(OrderRefund r) => Acted(
        new RefundDocument
        {
            Reference = r.PaymentReference,
            Lines = [.. r.Lines.Select(l => new RefundedLineDocument { Number = l.LineNumber, Amount = l.Amount.MinorUnits })],
        },
        r.Key,
        r.At,
        r.Actor,
        r.Reason);

    private static T Acted<T>(T document, string key, DateTimeOffset at, OrderActor actor, OrderStatusReason reason)
        where T : ActedDocument
    {
        document.Key = key;
        document.At = Instants.ToStored(at);
        document.ActorKind = (int)actor.Kind;
        document.ActorId = actor.Id;
        document.ActorName = actor.DisplayName;
        document.Reason = reason.Code;
        document.Note = reason.Text;
        return document;
    }

    private static OrderActor ActorOf(ActedDocument d) => OrderActor.FromStored((OrderActorKind)d.ActorKind, d.ActorId, d.ActorName);

    private static OrderStatusReason ReasonOf(ActedDocument d) => new(d.Reason, d.Note);

    public static OrderReturn ToReturn(ReturnDocument d, Currency currency) =>
        new(
            d.Key,
            Instants.FromStored(d.At),
            ActorOf(d),
            ReasonOf(d),
            d.Lines.ConvertAll(l => new ReturnedLine(l.Number, l.Quantity, new Money(l.Value, currency))),
            d.Restocked);

    public static OrderRefund ToRefund(RefundDocument d, Currency currency) =>
        new(
            d.Key,
            Instants.FromStored(d.At),
            ActorOf(d),
            ReasonOf(d),
            d.Reference,
            d.Lines.ConvertAll(l => new RefundedLine(l.Number, new Money(l.Amount, currency))));

    public static string SerializeHistory(Order order) =>
        JsonSerializer.Serialize(
            order.History.Select(ToDocument).ToList(),
            OrderJsonContext.Default.ListStatusChangeDocument);

    /// <summary>The order a row read with its data key holds (<see cref="DataKeys.WithDataKeys{TRow}"/>).</summary>
    public static Order ToOrder(Keyed<OrderRecord> row, DataKeys keys) => ToOrder(row.Row, keys.Open(row.Row.Id, row));

    /// <summary>The order <paramref name="record"/> holds, its buyer's personal data opened with <paramref name="key"/> (see <see cref="OpenContact"/>).</summary>
    /// <exception cref="InvalidOperationException">The row holds a buyer's names in plain text: it was stored before orders were sealed (see <see cref="PlainTextRows"/>).</exception>
    public static Order ToOrder(OrderRecord record, DataKey? key)
    {
        var currency = Currency.Parse(record.Currency);
        var contact = OpenContact(key, record.Id, record.Email, record.Phone, record.FirstName, record.LastName);
        var address = OpenAddress(key, record.ShippingAddress);
        var lines = JsonSerializer.Deserialize(record.Lines, OrderJsonContext.Default.ListOrderLineDocument)!
            .Select(d => new OrderLine(
                d.Number,
                d.ProductId,
                d.Sku,
                d.Name,
                d.Options is { Count: > 0 } ? LineOptions.Create(d.Options).Value : LineOptions.Empty,
                d.Picture,
                new Money(d.UnitPrice, currency),
                d.Quantity,
                FromDocuments(d.Adjustments, currency),
                new Money(d.Total, currency)) { Tags = d.Tags is { Count: > 0 } tags ? tags : Array.Empty<string>() })
            .ToList();
        var history = JsonSerializer.Deserialize(record.History, OrderJsonContext.Default.ListStatusChangeDocument)!
            .Select(ToStatusChange);

        return new Order(
            record.Id,
            OrderNumber.FromValue(record.Number),
            record.CartId,
            record.CartToken,
            record.IdempotencyKey,
            record.CustomerId is { } customer ? new CustomerId(customer) : null,
            contact,
            address.ToAddress(),
            record.PaymentMethod,
            lines,
            FromDocuments(JsonSerializer.Deserialize(record.Adjustments, OrderJsonContext.Default.ListAdjustmentDocument), currency),
            new Money(record.Subtotal, currency),
            new Money(record.Discount, currency),
            new Money(record.Total, currency),
            Instants.FromStored(record.PlacedAt),
            history,
            record.Version,
            ReadReturns(record.Returns, currency),
            ReadRefunds(record.Refunds, currency))
        {
            Acquisition = Acquisition.Restore(record.AcquisitionSource, record.AcquisitionMedium, record.AcquisitionCampaign, record.ReferrerHost, record.LandingPath, record.HeardAbout),
            MailingAttribution = record is { AttributedTopic: { } topic, AttributedSentAt: { } sentAt } ? new MailingAttribution(topic, Instants.FromStored(sentAt)) : null,
        };
    }

    /// <summary>
    /// The buyer's contact an order row holds, opened with its data <paramref name="key"/>. Without a key the order was
    /// anonymised (its key deleted; it keeps no contact and no names, and its address, in plain text, only what
    /// <see cref="OrderAnonymisation"/> keeps), or it is a copy from before (a backup restored after the erasure) whose
    /// sealed values no longer open: either way it reads as no one's.
    /// </summary>
    /// <exception cref="InvalidOperationException">The row holds a buyer's names in plain text: it was stored before orders were sealed (see <see cref="PlainTextRows"/>).</exception>
    public static OrderContact OpenContact(DataKey? key, Guid id, string? email, string? phone, string firstName, string lastName)
    {
        if (key is not null)
        {
            return new OrderContact(
                key.Open(SealedColumns.OrderEmail, email),
                key.Open(SealedColumns.OrderPhone, phone),
                key.Open(SealedColumns.OrderFirstName, firstName)!,
                key.Open(SealedColumns.OrderLastName, lastName)!);
        }

        var anonymised = firstName.Length == 0 && lastName.Length == 0 && email is null && phone is null;
        return anonymised || DataKey.LooksSealed(firstName) || DataKey.LooksSealed(lastName)
            ? OrderAnonymisation.Erasure.Contact
            : throw PlainTextRows.Refused($"Order {id}");
    }

    /// <summary>
    /// The shipping address an order row holds, opened with its data <paramref name="key"/>; without a key, what an
    /// anonymised order keeps in plain text, or nothing for a restored copy whose sealed address no longer opens.
    /// </summary>
    public static AddressDocument OpenAddress(DataKey? key, string stored) =>
        key is not null ? ReadAddress(key.Open(SealedColumns.OrderShippingAddress, stored)!)
        : DataKey.LooksSealed(stored) ? new AddressDocument()
        : ReadAddress(stored);

    private static AddressDocument ReadAddress(string plain) => JsonSerializer.Deserialize(plain, OrderJsonContext.Default.AddressDocument) ?? new AddressDocument();

    public static StatusChangeDocument ToDocument(OrderStatusChange change) => new()
    {
        Status = (int)change.Status,
        At = Instants.ToStored(change.At),
        Note = change.Reason.Text,
        Reason = change.Reason.Code,
        ActorKind = (int)change.Actor.Kind,
        ActorId = change.Actor.Id,
        ActorName = change.Actor.DisplayName,
        Key = change.IdempotencyKey,
    };

    public static OrderStatusChange ToStatusChange(StatusChangeDocument document) =>
        new(
            (OrderStatus)document.Status,
            Instants.FromStored(document.At),
            document.ActorKind is { } kind ? OrderActor.FromStored((OrderActorKind)kind, document.ActorId, document.ActorName) : OrderActor.Unknown,
            new OrderStatusReason(document.Reason ?? OrderStatusReason.UnspecifiedCode, document.Note))
        {
            IdempotencyKey = document.Key,
        };

    private static OrderLineDocument ToDocument(OrderLine line) => new()
    {
        Number = line.LineNumber,
        ProductId = line.ProductId,
        Sku = line.Sku,
        Name = line.Name,
        Options = line.Options.Count == 0 ? null : line.Options.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal),
        Picture = line.PictureUrl,
        UnitPrice = line.UnitPrice.MinorUnits,
        Quantity = line.Quantity,
        Total = line.Total.MinorUnits,
        Adjustments = ToDocuments(line.Adjustments),
        Tags = line.Tags.Count == 0 ? null : [.. line.Tags],
    };

    private static List<AdjustmentDocument>? ToDocuments(IReadOnlyList<PriceAdjustment> adjustments) =>
        adjustments.Count == 0
            ? null
            : adjustments.Select(a => new AdjustmentDocument { PromotionId = a.PromotionId, Kind = a.Kind, Amount = a.Amount.MinorUnits, Explanation = a.Explanation }).ToList();

    private static List<PriceAdjustment> FromDocuments(List<AdjustmentDocument>? documents, Currency currency) =>
        documents is null ? [] : documents.ConvertAll(d => new PriceAdjustment(d.PromotionId, d.Kind, new Money(d.Amount, currency), d.Explanation));
}
