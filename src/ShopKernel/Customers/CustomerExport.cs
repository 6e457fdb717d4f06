namespace ShopKernel.Customers;

/// <summary>What a customer export wrote (<see cref="CustomerSegmentService.ExportCsvAsync"/>, <see cref="CustomerSegmentService.ExportXlsxAsync"/>).</summary>
/// <param name="RowCount">How many real customers were written: the canary row, when there is one, is not counted.</param>
/// <param name="ExportId">
/// The export's id, fresh for each export and recorded in its access log entry: the canary of this export, and so a
/// copy of the file found elsewhere, traces back to it (<see cref="Staff.AccessLogService.TraceExportAsync"/>).
/// Time-ordered (a version 7 UUID).
/// </param>
/// <param name="HasCanary">Whether the export carries a canary row (only when <see cref="ExportOptions.CanaryEmailDomain"/> is configured).</param>
public sealed record CustomerExport(long RowCount, Guid ExportId, bool HasCanary);
