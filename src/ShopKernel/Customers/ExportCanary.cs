using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace ShopKernel.Customers;

/// <summary>
/// One export's canary: a made-up customer whose name, e-mail address and phone number are drawn from an HMAC-SHA256
/// of the export id under a key derived from a token signing key, so that nobody without the key can predict or
/// forge the canary of an export, and the shop can recompute it from the export id alone. Its place among the rows
/// derives from the same hash; its id, registration and purchase facts are shaped after its neighbours so that it
/// reads like them (an id that sorts between theirs, a registration between theirs, their kind of orders).
/// </summary>
internal sealed class ExportCanary
{
    private const int V7TimestampShift = 74;
    private static readonly byte[] Label = "shopkernel.export.canary.v1"u8.ToArray();
    private static readonly UInt128 Low74 = (UInt128.One << 74) - 1;
    private static readonly UInt128 Low62 = (UInt128.One << 62) - 1;
    private static readonly UInt128 Max122 = (UInt128.One << 122) - 1;
    private static readonly UInt128 OneHour = (UInt128)3_600_000 << V7TimestampShift;

    private readonly byte[] _bits;

    /// <summary>Draws the canary of <paramref name="exportId"/> under <paramref name="key"/>, with contacts in <paramref name="contacts"/>.</summary>
    public ExportCanary(byte[] key, Guid exportId, CanaryContacts contacts)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.EmailDomain is null)
        {
            throw new ArgumentException("Canaries need a canary e-mail domain.", nameof(contacts));
        }

        ExportId = exportId;
        _bits = Bits(key, exportId);
        FirstName = CanaryNames.Given[U16(0) % CanaryNames.Given.Length];
        LastName = CanaryNames.Family[U16(2) % CanaryNames.Family.Length];
        Email = LocalPart(FirstName.ToLowerInvariant(), LastName.ToLowerInvariant()) + "@" + contacts.EmailDomain;
        Phone = contacts.PhonePrefix is { } prefix
            ? prefix + (U64(8) % (ulong)Math.Pow(10, contacts.PhoneDigits)).ToString("D" + contacts.PhoneDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : null;
    }

    public Guid ExportId { get; }

    public string FirstName { get; }

    public string LastName { get; }

    /// <summary>The canary's address in the canary domain, in lower case.</summary>
    public string Email { get; }

    /// <summary>The canary's number in E.164, or <see langword="null"/> without a canary phone range.</summary>
    public string? Phone { get; }

    /// <summary>When an export was made, from its time-ordered (version 7) id; the Unix epoch for an id of another version.</summary>
    public static DateTimeOffset TimeOf(Guid exportId) =>
        Version(exportId) == 7 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(ulong)(Ordinal(exportId) >> V7TimestampShift)) : DateTimeOffset.UnixEpoch;

    /// <summary>How many real rows come before the canary in an export of <paramref name="count"/> rows: 0 to <paramref name="count"/>, uniformly.</summary>
    public long Position(long count) => (long)(U64(16) % (ulong)(Math.Max(0, count) + 1));

    /// <summary>The canary as a row between <paramref name="before"/> and <paramref name="after"/> (either may be missing), in an export made at <paramref name="exportedAt"/>.</summary>
    public CustomerSummary Row(CustomerSummary? before, CustomerSummary? after, DateTimeOffset exportedAt)
    {
        var source = before ?? after;
        var createdAt = CreatedAt(before, after, exportedAt);
        return new CustomerSummary(
            new CustomerId(Id(before?.Id.Value, after?.Id.Value, createdAt)),
            Email,
            Phone,
            FirstName,
            LastName,
            Birthday(source, exportedAt),
            createdAt,
            source?.OrderCount ?? 0,
            source?.LastOrderAt,
            source?.LifetimeSpend ?? []);
    }

    private static byte[] Bits(byte[] key, Guid exportId)
    {
        Span<byte> message = stackalloc byte[Label.Length + 1 + 16 + 1];
        Label.CopyTo(message);
        exportId.TryWriteBytes(message.Slice(Label.Length + 1, 16), bigEndian: true, out _);
        var bits = new byte[64];
        for (byte block = 0; block < 2; block++)
        {
            message[^1] = block;
            HMACSHA256.HashData(key, message, bits.AsSpan(block * 32, 32));
        }

        return bits;
    }

    private int U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_bits.AsSpan(at));

    private ulong U64(int at) => BinaryPrimitives.ReadUInt64BigEndian(_bits.AsSpan(at));

    /// <summary>A number in (0, 1).</summary>
    private double Fraction(int at) => ((U64(at) >> 11) + 0.5) / (1UL << 53);

    /// <summary>An address the way people make them: names, an initial, a birth year or a few digits.</summary>
    private string LocalPart(string given, string family)
    {
        var n = U16(5);
        return (_bits[4] % 6) switch
        {
            0 => $"{given}.{family}{10 + (n % 90)}",
            1 => $"{given}{family}{1955 + (n % 52)}",
            2 => $"{given[0]}{family}{10 + (n % 90)}",
            3 => $"{given}_{family}{100 + (n % 900)}",
            4 => $"{family}.{given}{10 + (n % 90)}",
            _ => $"{given}.{family[0]}{1955 + (n % 52)}",
        };
    }

    /// <summary>Between the neighbours' registrations, a little before or after the only one, or months before the export.</summary>
    private DateTimeOffset CreatedAt(CustomerSummary? before, CustomerSummary? after, DateTimeOffset exportedAt)
    {
        var f = Fraction(24);
        var jitter = TimeSpan.FromMinutes(1 + (U16(48) % 720)) + TimeSpan.FromTicks(U16(50) * 9_000L);
        var at = (before, after) switch
        {
            ({ } b, { } a) => a.CreatedAt > b.CreatedAt ? b.CreatedAt + ((a.CreatedAt - b.CreatedAt) * f) : b.CreatedAt,
            ({ } b, null) => b.CreatedAt + jitter <= exportedAt ? b.CreatedAt + jitter : b.CreatedAt + ((exportedAt > b.CreatedAt ? exportedAt - b.CreatedAt : TimeSpan.Zero) * f),
            (null, { } a) => a.CreatedAt - jitter,
            _ => exportedAt - TimeSpan.FromDays(30 + (U16(52) % 700)) - jitter,
        };

        // Instants are kept to the microsecond.
        return new DateTimeOffset(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
    }

    /// <summary>The neighbour's birthday moved by a few years, or a birthday for half of the canaries of empty exports.</summary>
    private DateOnly? Birthday(CustomerSummary? source, DateTimeOffset exportedAt)
    {
        var shift = 1 + (_bits[54] % 6);
        if (source?.Birthday is { } day)
        {
            var year = Math.Clamp(day.Year + ((_bits[55] & 1) == 0 ? shift : -shift), exportedAt.Year - 119, exportedAt.Year - 1);
            return new DateOnly(year, day.Month, day.Month == 2 && day.Day == 29 && !DateTime.IsLeapYear(year) ? 28 : day.Day);
        }

        return source is null && (_bits[55] & 2) == 0 ? new DateOnly(exportedAt.Year - 20 - (U16(56) % 45), 1 + (_bits[58] % 12), 1 + (_bits[59] % 28)) : null;
    }

    /// <summary>
    /// An id that sorts between the neighbours' ids, as the rows around it do, and of their version: for time-ordered
    /// (version 7) ids, one whose time is the canary's registration when that sorts right, else one close to theirs.
    /// </summary>
    private Guid Id(Guid? before, Guid? after, DateTimeOffset createdAt)
    {
        var versions = new[] { before, after }.OfType<Guid>().Select(Version).Distinct().ToList();
        var alike = versions is [> 0];
        var version = alike ? versions[0] : 7;
        var neighbours = alike ? (Low: before is { } b ? Ordinal(b) : (UInt128?)null, High: after is { } a ? Ordinal(a) : (UInt128?)null) : (null, null);
        var random = BinaryPrimitives.ReadUInt128BigEndian(_bits.AsSpan(32));
        if (version == 7)
        {
            var ms = (ulong)Math.Max(0, createdAt.ToUnixTimeMilliseconds()) & 0xFFFF_FFFF_FFFF;
            var preferred = ((UInt128)ms << V7TimestampShift) | (random & Low74);
            if ((neighbours.Low is not { } lo || preferred > lo) && (neighbours.High is not { } hi || preferred < hi))
            {
                return FromOrdinal(preferred, 7);
            }
        }

        var span = version == 7 ? OneHour : Max122;
        var low = neighbours.Low ?? (neighbours.High is { } h && h > span ? h - span : UInt128.Zero);
        var high = neighbours.High ?? (neighbours.Low is { } l && Max122 - l > span ? l + span : Max122);
        return high > low && high - low >= 2
            ? FromOrdinal(low + 1 + (random % (high - low - 1)), version)
            : FromOrdinal(random & Max122, version);
    }

    /// <summary>The RFC 9562 version of an id with the RFC variant, else 0.</summary>
    private static int Version(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return (bytes[8] & 0xC0) == 0x80 ? bytes[6] >> 4 : 0;
    }

    /// <summary>The 122 bits of an id other than its version and variant, in the id's own order.</summary>
    private static UInt128 Ordinal(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        return ((value >> 80) << 74) | (((value >> 64) & 0xFFF) << 62) | (value & Low62);
    }

    private static Guid FromOrdinal(UInt128 ordinal, int version)
    {
        var value = ((ordinal >> 74) << 80) | ((UInt128)(uint)version << 76) | (((ordinal >> 62) & 0xFFF) << 64) | ((UInt128)2 << 62) | (ordinal & Low62);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new Guid(bytes, bigEndian: true);
    }
}
