namespace ShopKernel.Staff;

/// <summary>The errors of staff access; codes in <see cref="StaffErrorCodes"/>.</summary>
internal static class StaffErrors
{
    public static readonly ShopError ActorInvalid = new(StaffErrorCodes.ActorInvalid, "The member of staff is not acceptable.");
    public static readonly ShopError RequestInvalid = new(StaffErrorCodes.RequestInvalid, "The request is malformed.");
    public static readonly ShopError TraceNotFound = new(StaffErrorCodes.TraceNotFound, "No export in the access log had a canary with this contact.");

    public static ShopError PermissionDenied(string permission) =>
        ShopError.WithData(StaffErrorCodes.PermissionDenied, $"This needs the permission {permission}.", KeyValuePair.Create(ShopErrorData.Permission, permission));
}
