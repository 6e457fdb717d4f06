using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.PersonalData;

namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>
/// The data keys one scope (one request) works with, and the blind indexes its look-ups need. A key read with a row
/// (<see cref="WithDataKeys{TRow}"/>) or created for a new subject stays open until the scope ends, so a later write
/// of the same subject seals without reading its key again; nothing outlives the scope, so a shredded key is gone
/// for the next request.
/// </summary>
internal sealed class DataKeys(PersonalDataProtector protector) : IDisposable
{
    private readonly Dictionary<Guid, DataKey> _open = [];

    /// <summary>A new data key for <paramref name="subject"/> and the row that stores it.</summary>
    public (DataKey Key, DataKeyRecord Record) Create(Guid subject, DateTime createdAt)
    {
        var key = protector.CreateDataKey(subject);
        Remember(key);
        return (key, new DataKeyRecord { Subject = subject, KeyId = key.KeyId, Wrapped = key.Wrapped, CreatedAt = createdAt });
    }

    /// <summary>The key read with a row, or <see langword="null"/> when the subject's key was shredded.</summary>
    public DataKey? Open<TRow>(Guid subject, Keyed<TRow> row) => Open(subject, row.KeyId, row.Wrapped);

    /// <summary>The key stored as <paramref name="wrapped"/>, or <see langword="null"/> when there is none (shredded).</summary>
    public DataKey? Open(Guid subject, string? keyId, byte[]? wrapped)
    {
        if (_open.TryGetValue(subject, out var open))
        {
            return open;
        }

        if (keyId is null || wrapped is null)
        {
            return null;
        }

        var key = protector.OpenDataKey(subject, keyId, wrapped);
        Remember(key);
        return key;
    }

    /// <summary>
    /// Runs <paramref name="use"/> with the key stored as <paramref name="wrapped"/> (or <see langword="null"/> when
    /// there is none) without keeping it open for the scope, unless the scope has it open already: for reads of many
    /// subjects (a segment streamed, an export), whose keys would otherwise all stay open until the scope ends.
    /// </summary>
    public T Use<T>(Guid subject, string? keyId, byte[]? wrapped, Func<DataKey?, T> use)
    {
        if (_open.TryGetValue(subject, out var open))
        {
            return use(open);
        }

        if (keyId is null || wrapped is null)
        {
            return use(null);
        }

        using var key = protector.OpenDataKey(subject, keyId, wrapped);
        return use(key);
    }

    /// <summary>The subject's key, from this scope or read from the database; <see langword="null"/> when there is none.</summary>
    public async ValueTask<DataKey?> FindAsync(DbContext context, Guid subject, CancellationToken cancellationToken)
    {
        if (_open.TryGetValue(subject, out var open))
        {
            return open;
        }

        var stored = await context.Set<DataKeyRecord>().AsNoTracking()
            .Where(k => k.Subject == subject)
            .Select(k => new { k.KeyId, k.Wrapped })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return stored is null ? null : Open(subject, stored.KeyId, stored.Wrapped);
    }

    /// <summary>Drops the open keys of subjects whose keys were deleted.</summary>
    public void Forget(IEnumerable<Guid> subjects)
    {
        foreach (var subject in subjects)
        {
            if (_open.Remove(subject, out var key))
            {
                key.Dispose();
            }
        }
    }

    /// <summary>The blind index of a normalised e-mail address (<see cref="ContactNormalizer"/>), or <see langword="null"/>.</summary>
    public string? Email(string? emailKey) => protector.IndexOrNull(BlindIndexKind.Email, emailKey);

    /// <summary>The blind index of a phone number in E.164, or <see langword="null"/>.</summary>
    public string? Phone(string? e164) => protector.IndexOrNull(BlindIndexKind.Phone, e164);

    /// <summary>
    /// The stored form of a redemption subject (<see cref="ShopKernel.Promotions.RedemptionSubjects"/>): its blind
    /// index, since a guest's subject is an unkeyed digest of their contact, which a list of contacts would match.
    /// </summary>
    public string Redemption(string subject) => protector.Index(BlindIndexKind.Redemption, subject);

    /// <summary>
    /// The stored key of a buyer in the analytics rows (purchase lines, applied promotions): the keyed hash of their
    /// redemption subject (<see cref="ShopKernel.Promotions.RedemptionSubjects"/>), under a kind of its own, so it matches no other index.
    /// </summary>
    public string Buyer(string subject) => protector.Index(BlindIndexKind.Buyer, subject);

    /// <summary>The stored index of a birthday's day of the year, or <see langword="null"/>.</summary>
    public int? Birthday(DateOnly? birthday) => birthday is { } day ? protector.BirthdayIndex(BirthdayWindow.MonthDay(day)) : null;

    /// <summary>The stored indexes of every day of a birthday window.</summary>
    public List<int> Birthdays(BirthdayWindow window)
    {
        var indexes = new List<int>();
        foreach (var (low, high) in window.MonthDayRanges())
        {
            for (var day = new DateOnly(2000, low / 100, low % 100); ; day = day.AddDays(1))
            {
                var monthDay = BirthdayWindow.MonthDay(day);
                indexes.Add(protector.BirthdayIndex(monthDay));
                if (monthDay >= high || day.Month == 12 && day.Day == 31)
                {
                    break;
                }
            }
        }

        return indexes;
    }

    public void Dispose()
    {
        foreach (var key in _open.Values)
        {
            key.Dispose();
        }

        _open.Clear();
    }

    /// <summary>
    /// Each row of <paramref name="rows"/> with its subject's wrapped data key, in the same query (a left join on the
    /// key table's primary key): reading sealed rows costs no extra round trip.
    /// </summary>
    public static IQueryable<Keyed<TRow>> WithDataKeys<TRow>(IQueryable<TRow> rows, DbContext context, Expression<Func<TRow, Guid>> subject)
        where TRow : class =>
        rows.LeftJoin(
            context.Set<DataKeyRecord>().AsNoTracking(),
            subject,
            k => k.Subject,
            (row, k) => new Keyed<TRow> { Row = row, KeyId = k == null ? null : k.KeyId, Wrapped = k == null ? null : k.Wrapped });

    private void Remember(DataKey key)
    {
        if (_open.Remove(key.Subject, out var previous) && !ReferenceEquals(previous, key))
        {
            previous.Dispose();
        }

        _open[key.Subject] = key;
    }
}
