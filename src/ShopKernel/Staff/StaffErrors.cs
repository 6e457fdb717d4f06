namespace ShopKernel.Staff;

/// <summary>The errors of staff access; codes in <see cref="StaffErrorCodes"/>.</summary>
internal static class StaffErrors
{
    public static readonly ShopError ActorInvalid = new(StaffErrorCodes.ActorInvalid, "The member of staff is not acceptable.");
    public static readonly ShopError RequestInvalid = new(StaffErrorCodes.RequestInvalid, "The request is malformed.");
    public static readonly ShopError TraceNotFound = new(StaffErrorCodes.TraceNotFound, "No export in the access log had a canary with this contact.");

    /// <summary>
    /// A store's answer when the access-log entry it was to commit with a change lost its sequence to a parallel
    /// append: nothing was written, and <see cref="StaffAccess"/> runs the change again. Never returned to a caller.
    /// </summary>
    public static readonly ShopError AccessLogRaced = new("staff.access_log_raced", "Another access log entry took the sequence first.");

    public static ShopError PermissionDenied(string permission) =>
        ShopError.WithData(StaffErrorCodes.PermissionDenied, $"This needs the permission {permission}.", KeyValuePair.Create(ShopErrorData.Permission, permission));
}
