namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>A stored row with its subject's wrapped data key, read in the same query; no key when it was shredded.</summary>
/// <typeparam name="TRow">The row.</typeparam>
internal sealed class Keyed<TRow>
{
    public TRow Row { get; set; } = default!;

    public string? KeyId { get; set; }

    public byte[]? Wrapped { get; set; }
}
