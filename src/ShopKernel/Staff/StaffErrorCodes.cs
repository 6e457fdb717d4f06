namespace ShopKernel.Staff;

/// <summary>The stable error codes of staff access.</summary>
public static class StaffErrorCodes
{
    /// <summary>The host's <see cref="IStaffAuthorizer"/> refused the operation. Data: <c>permission</c> (<see cref="ShopErrorData.Permission"/>). Map to 403.</summary>
    public const string PermissionDenied = "staff.permission_denied";

    /// <summary>The staff actor is not acceptable (see <see cref="StaffActor"/>). Map to 400.</summary>
    public const string ActorInvalid = "staff.actor_invalid";

    /// <summary>An access log query is malformed (a page size, a contact to trace that is no e-mail address or phone number). Map to 400.</summary>
    public const string RequestInvalid = "staff.request_invalid";

    /// <summary>No export in the access log had a canary with the traced contact. Map to 404.</summary>
    public const string TraceNotFound = "staff.trace_not_found";
}
