namespace ShopKernel.Staff;

/// <summary>An export whose canary has the contact <see cref="AccessLogService.TraceExportAsync"/> was asked about: who made it, when, of which customers.</summary>
/// <param name="Sequence">The export's access log entry.</param>
/// <param name="ExportId">The export's id (<see cref="Customers.CustomerExport.ExportId"/>).</param>
/// <param name="Actor">The member of staff who made the export.</param>
/// <param name="At">When the entry was appended: as the export ended.</param>
/// <param name="Operation">The kind of export (<see cref="StaffOperations.SegmentExport"/>, <see cref="StaffOperations.SegmentExportXlsx"/>).</param>
/// <param name="Segment">The segment's conditions, as the entry recorded them.</param>
/// <param name="RowCount">How many real customers the export wrote; <see langword="null"/> for an export that stopped part way.</param>
/// <param name="Outcome">How the export ended: <see cref="AccessOutcome.Failed"/> for one that stopped part way (its rows up to then, and perhaps its canary, were written).</param>
/// <param name="IsVerified">
/// Whether the entry is as it was appended: its details match their hash and its hash is right under the key it
/// names. An entry that is not was altered in the database, and names nobody reliably; verify the whole chain with
/// <see cref="AccessLogService.VerifyAsync"/>.
/// </param>
public sealed record TracedExport(long Sequence, Guid ExportId, StaffActor Actor, DateTimeOffset At, string Operation, string Segment, long? RowCount, AccessOutcome Outcome, bool IsVerified);
