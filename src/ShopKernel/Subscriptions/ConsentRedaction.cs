namespace ShopKernel.Subscriptions;

/// <summary>A subject to redact on erasure, and the keyed hash that replaces it in the consent ledger.</summary>
/// <param name="Subject">The subject in stored form.</param>
/// <param name="Replacement">Its replacement (<c>redacted:…</c>) under the current key: the subject of the <see cref="Subscriptions.ConsentEventKind.Redacted"/> entries, and of entries stored without their own <see cref="ConsentAppend.RedactedSubject"/> (from before it was kept).</param>
/// <param name="At">The instant of erasure, for the <see cref="Subscriptions.ConsentEventKind.Redacted"/> entries.</param>
public sealed record ConsentRedaction(string Subject, string Replacement, DateTimeOffset At);
