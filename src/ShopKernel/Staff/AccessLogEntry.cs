using ShopKernel.Customers;

namespace ShopKernel.Staff;

/// <summary>How a staff operation the access log records ended.</summary>
public enum AccessOutcome
{
    /// <summary>The operation was allowed and done.</summary>
    Succeeded = 0,

    /// <summary>The host's <see cref="IStaffAuthorizer"/> refused it: nothing was done.</summary>
    Denied = 1,

    /// <summary>It was allowed, and answered a typed error (a malformed segment, an unknown customer): nothing was read or changed.</summary>
    Failed = 2,
}

/// <summary>
/// One entry of the access log: who did what to which customers, when, with which permission, how many rows it
/// touched, and how it ended. Entries are numbered from 1 without gaps and chained: each one's <see cref="Hash"/> is
/// a keyed hash of its fields and the previous entry's hash, so that an altered, removed or inserted entry breaks the
/// chain (<see cref="AccessLogService.VerifyAsync"/>). Erasing a customer removes the <see cref="Details"/> of their
/// entries (which may hold what staff searched for) but keeps <see cref="DetailsHash"/>, so the chain still holds.
/// </summary>
/// <param name="Sequence">The entry's number, from 1.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Permission">The permission the operation needs (<see cref="StaffPermissions"/>).</param>
/// <param name="Operation">What was done, e.g. <c>customers.segment_export</c> (<see cref="StaffOperations"/>).</param>
/// <param name="CustomerId">The one customer the operation concerned, or <see langword="null"/> for a listing or export of many.</param>
/// <param name="Details">What the operation was asked, e.g. a segment's conditions; <see langword="null"/> for none or once erased.</param>
/// <param name="DetailsHash">The SHA-256 (hexadecimal) of <see cref="Details"/> as appended, or <see langword="null"/> when there were none.</param>
/// <param name="RowCount">How many rows it returned or wrote, when it lists or exports.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="KeyId">Which key the hash is computed under (see <see cref="AccessLogService.VerifyAsync"/>).</param>
/// <param name="PreviousHash">The previous entry's <see cref="Hash"/> (64 zeros for the first).</param>
/// <param name="Hash">This entry's hash (hexadecimal).</param>
public sealed record AccessLogEntry(
    long Sequence,
    DateTimeOffset At,
    StaffActor Actor,
    string Permission,
    string Operation,
    CustomerId? CustomerId,
    string? Details,
    string? DetailsHash,
    long? RowCount,
    AccessOutcome Outcome,
    string KeyId,
    string PreviousHash,
    string Hash);

/// <summary>The stable names of the staff operations the access log records (<see cref="AccessLogEntry.Operation"/>).</summary>
public static class StaffOperations
{
    /// <summary><see cref="CustomerSegmentService.QueryAsync"/>.</summary>
    public const string SegmentQuery = "customers.segment_query";

    /// <summary><see cref="CustomerSegmentService.ExportCsvAsync"/>.</summary>
    public const string SegmentExport = "customers.segment_export";

    /// <summary><see cref="CustomerSegmentService.ExportXlsxAsync"/>.</summary>
    public const string SegmentExportXlsx = "customers.segment_export_xlsx";

    /// <summary><see cref="CustomerSegmentService.QueryGuestBuyersAsync"/>.</summary>
    public const string GuestBuyerQuery = "customers.guest_buyer_query";

    /// <summary><see cref="CustomerSegmentService.UnmaskAsync"/>.</summary>
    public const string Unmask = "customers.unmask";

    /// <summary><see cref="PersonalDataService.ExportAsync"/>.</summary>
    public const string PersonalDataExport = "customers.personal_data_export";

    /// <summary><see cref="PersonalDataService.EraseAsync"/>.</summary>
    public const string Erase = "customers.erase";

    /// <summary><see cref="Orders.OrderService.ChangeStatusAsync"/> by a member of staff.</summary>
    public const string OrderStatusChange = "orders.status_change";

    /// <summary><see cref="Orders.OrderService.CancelAsync"/> by a member of staff.</summary>
    public const string OrderCancel = "orders.cancel";

    /// <summary><see cref="Orders.OrderService.ReturnAsync"/> by a member of staff.</summary>
    public const string OrderReturn = "orders.return";

    /// <summary><see cref="Orders.OrderService.RefundAsync"/> by a member of staff.</summary>
    public const string OrderRefund = "orders.refund";

    /// <summary><see cref="StopList.StopListService.AddAsync"/>.</summary>
    public const string StopListAdd = "stoplist.add";

    /// <summary><see cref="StopList.StopListService.ChangeAsync"/>.</summary>
    public const string StopListChange = "stoplist.change";

    /// <summary><see cref="StopList.StopListService.RemoveAsync"/>.</summary>
    public const string StopListRemove = "stoplist.remove";

    /// <summary><see cref="StopList.StopListService.GetAsync"/>.</summary>
    public const string StopListGet = "stoplist.get";

    /// <summary><see cref="StopList.StopListService.ListAsync"/>.</summary>
    public const string StopListList = "stoplist.list";

    /// <summary><see cref="StopList.StopListService.FindAsync"/>.</summary>
    public const string StopListFind = "stoplist.find";

    /// <summary><see cref="StopList.StopListService.GetAuditTrailAsync"/>.</summary>
    public const string StopListAuditTrail = "stoplist.audit_trail";

    /// <summary><see cref="Promotions.PromotionService.CreateAsync"/>.</summary>
    public const string PromotionCreate = "promotions.create";

    /// <summary><see cref="Promotions.PromotionService.UpdateAsync"/>.</summary>
    public const string PromotionUpdate = "promotions.update";

    /// <summary><see cref="Promotions.PromotionService.DeactivateAsync"/>.</summary>
    public const string PromotionDeactivate = "promotions.deactivate";

    /// <summary><see cref="Subscriptions.SubscriptionService.GetProofAsync"/>.</summary>
    public const string SubscriptionProof = "subscriptions.proof";

    /// <summary><see cref="Subscriptions.SubscriptionService.ListEligibleRecipientsAsync"/>.</summary>
    public const string EligibleRecipients = "subscriptions.eligible_recipients";

    /// <summary><see cref="AccessLogService.ListAsync"/>.</summary>
    public const string AccessLogList = "accesslog.list";

    /// <summary><see cref="AccessLogService.VerifyAsync"/>.</summary>
    public const string AccessLogVerify = "accesslog.verify";

    /// <summary><see cref="AccessLogService.TraceExportAsync"/>.</summary>
    public const string AccessLogTraceExport = "accesslog.trace_export";
}
