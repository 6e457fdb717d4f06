using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Staff;

/// <summary>A page of access log entries, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="Next">The <c>before</c> of the next page, or <see langword="null"/> on the last.</param>
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Items, long? Next);

/// <summary>What <see cref="AccessLogService.VerifyAsync"/> found.</summary>
/// <param name="IsIntact">Whether every entry is there, in order, unaltered and chained to the one before.</param>
/// <param name="Entries">How many entries were read.</param>
/// <param name="BrokenAt">The sequence of the first entry that breaks the chain, or <see langword="null"/> when intact.</param>
/// <param name="Problem">What is wrong there, or <see langword="null"/> when intact.</param>
/// <param name="HeadSequence">The last entry's sequence, or 0 for an empty log: record it outside the database to detect a removed tail later.</param>
/// <param name="HeadHash">The last entry's hash, or <see langword="null"/> for an empty log.</param>
public sealed record AccessLogVerification(bool IsIntact, long Entries, long? BrokenAt, string? Problem, long HeadSequence, string? HeadHash);

/// <summary>
/// The access log for staff who hold <see cref="StaffPermissions.AccessLogRead"/>: read it a page at a time (all of it
/// or one customer's), verify its hash chain, and trace a leaked export by its canary. Reading, verifying and
/// tracing are logged too.
/// </summary>
public sealed class AccessLogService
{
    /// <summary>The largest page <see cref="ListAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    private static readonly string[] ExportOperations = [StaffOperations.SegmentExport, StaffOperations.SegmentExportXlsx];

    private readonly StaffAccess _access;
    private readonly IAccessLogStore _store;
    private readonly ContactNormalizer _contacts;
    private readonly ExportCanaries _canaries;
    private readonly ShopErrorDescriber _describer;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="access">The staff gate.</param>
    /// <param name="store">The access log store.</param>
    /// <param name="contacts">Reads the contacts <see cref="TraceExportAsync"/> is asked about, as the shop reads contacts.</param>
    /// <param name="options">The options: <c>Tokens:SigningKeys</c> key the export canaries.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    public AccessLogService(StaffAccess access, IAccessLogStore store, ContactNormalizer contacts, IOptions<ShopKernelOptions> options, ShopErrorDescriber? errorDescriber = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        _canaries = new ExportCanaries(options.Value);
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>Entries newest first, keyset-paged; optionally only those concerning one customer.</summary>
    /// <param name="actor">The member of staff reading the log.</param>
    /// <param name="customerId">Only this customer's entries, or <see langword="null"/> for all.</param>
    /// <param name="before">The <see cref="AccessLogPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, <c>staff.request_invalid</c>.</returns>
    public async Task<Result<AccessLogPage>> ListAsync(StaffActor actor, CustomerId? customerId = null, long? before = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.AccessLogRead,
            StaffOperations.AccessLogList,
            customerId,
            null,
            async ct =>
            {
                if (pageSize is < 1 or > MaxPageSize || before is < 1)
                {
                    return Result<AccessLogPage>.Fail(StaffErrors.RequestInvalid);
                }

                var items = await _store.ListAsync(before, customerId, pageSize, ct).ConfigureAwait(false);
                return new AccessLogPage(items, items.Count == pageSize ? items[^1].Sequence : null);
            },
            page => page.Items.Count,
            cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Reads the whole log in order and checks that the sequences run from 1 without a gap, that each entry's details
    /// (where not erased) match their hash, that each entry is chained to the one before, and that each hash is right
    /// under the key it names. A removed, altered, reordered or inserted entry shows as the first sequence that
    /// breaks. A removed tail cannot show inside the database: compare <see cref="AccessLogVerification.HeadSequence"/>
    /// with one recorded elsewhere earlier.
    /// </summary>
    /// <param name="actor">The member of staff verifying the log.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>What was found, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result<AccessLogVerification>> VerifyAsync(StaffActor actor, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.AccessLogRead,
            StaffOperations.AccessLogVerify,
            null,
            null,
            async ct => Result<AccessLogVerification>.Success(await VerifyCoreAsync(ct).ConfigureAwait(false)),
            v => v.Entries,
            cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Which export a canary contact belongs to: given an e-mail address or phone number that reached the shop's
    /// canary domain or range (a message to it, a call), recomputes the canary of every export in the log from its
    /// export id and the canary contacts its entry recorded, under each configured signing key, and answers the
    /// exports whose canary has that contact (compared as <see cref="ContactNormalizer"/> normalises them). Only what
    /// the log stores is read, so it answers for exports made by other instances or before a restart; an export
    /// chained under a signing key that is no longer configured can no longer be traced. Usually one export answers;
    /// a phone number of a short range may belong to the canaries of several, which the e-mail address tells apart.
    /// The call is logged with the contact masked.
    /// </summary>
    /// <param name="actor">The member of staff tracing; needs <see cref="StaffPermissions.AccessLogRead"/>.</param>
    /// <param name="contact">The e-mail address or phone number (international form, or national in the default region).</param>
    /// <param name="cancellationToken">Cancels the trace.</param>
    /// <returns>The exports, oldest first, or <c>staff.trace_not_found</c>, <c>staff.request_invalid</c>, <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result<IReadOnlyList<TracedExport>>> TraceExportAsync(StaffActor actor, string contact, CancellationToken cancellationToken = default)
    {
        var (email, phone) = Read(contact);
        return _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.AccessLogRead,
            StaffOperations.AccessLogTraceExport,
            null,
            "contact " + (email is not null ? ContactMasks.Email(contact.Trim()) : phone is not null ? ContactMasks.Phone(phone) : "***"),
            async ct =>
            {
                if (email is null && phone is null)
                {
                    return Result<IReadOnlyList<TracedExport>>.Fail(StaffErrors.RequestInvalid);
                }

                var found = new List<TracedExport>();
                await foreach (var entry in _store.ReadByOperationAsync(ExportOperations, ct).ConfigureAwait(false))
                {
                    if (ExportDetails.TryParse(entry.Details, out var details) && details.Canary is { } recorded
                        && _canaries.Recompute(details.ExportId, recorded).Any(c => phone is not null ? c.Phone == phone : email == _contacts.NormalizeEmail(EmailAddress.Parse(c.Email))))
                    {
                        found.Add(new TracedExport(
                            entry.Sequence, details.ExportId, entry.Actor, entry.At, entry.Operation, details.Segment, entry.RowCount, entry.Outcome,
                            AccessLogChain.DetailsHash(entry.Details) == entry.DetailsHash && _access.Chain.HashOf(entry) == entry.Hash));
                    }
                }

                return found.Count == 0 ? Result<IReadOnlyList<TracedExport>>.Fail(StaffErrors.TraceNotFound) : Result<IReadOnlyList<TracedExport>>.Success(found);
            },
            found => found.Count,
            cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A contact to trace: an e-mail address's matching key, or a phone number in E.164; neither for text that is no contact.</summary>
    private (string? Email, string? Phone) Read(string? contact)
    {
        if (string.IsNullOrWhiteSpace(contact))
        {
            return (null, null);
        }

        if (contact.Contains('@', StringComparison.Ordinal))
        {
            var email = _contacts.ParseEmail(contact.Trim());
            return (email.Succeeded ? _contacts.NormalizeEmail(email.Value) : null, null);
        }

        var phone = _contacts.ParsePhone(contact);
        return (null, phone.Succeeded ? phone.Value.E164 : null);
    }

    private async Task<AccessLogVerification> VerifyCoreAsync(CancellationToken cancellationToken)
    {
        long count = 0;
        AccessLogEntry? previous = null;
        await foreach (var entry in _store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var problem = entry.Sequence != (previous?.Sequence ?? 0) + 1 ? $"expected entry {(previous?.Sequence ?? 0) + 1}, found {entry.Sequence}: entries are missing"
                : entry.PreviousHash != (previous?.Hash ?? AccessLogChain.Genesis) ? "it is not chained to the entry before it"
                : entry.Details is not null && AccessLogChain.DetailsHash(entry.Details) != entry.DetailsHash ? "its details were altered"
                : _access.Chain.HashOf(entry) is not { } hash ? $"its key {entry.KeyId} is not among the configured signing keys"
                : hash != entry.Hash ? "its fields were altered"
                : null;
            if (problem is not null)
            {
                return new AccessLogVerification(false, count, entry.Sequence, problem, entry.Sequence, entry.Hash);
            }

            previous = entry;
        }

        return new AccessLogVerification(true, count, null, null, previous?.Sequence ?? 0, previous?.Hash);
    }
}
