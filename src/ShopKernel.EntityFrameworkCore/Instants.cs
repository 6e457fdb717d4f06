namespace ShopKernel.EntityFrameworkCore;

/// <summary>Instants are stored as UTC <see cref="DateTime"/>, which every provider compares and orders correctly.</summary>
internal static class Instants
{
    public static DateTime ToStored(DateTimeOffset instant) => instant.UtcDateTime;

    public static DateTimeOffset FromStored(DateTime stored) =>
        new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
