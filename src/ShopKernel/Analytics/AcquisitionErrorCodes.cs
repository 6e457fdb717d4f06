namespace ShopKernel.Analytics;

/// <summary>The stable error codes of acquisition sources; a host maps them to responses.</summary>
public static class AcquisitionErrorCodes
{
    /// <summary>
    /// A field of the acquisition source is malformed or too long: a source, medium or campaign with invisible or
    /// control characters or over <see cref="Acquisition.MaxCodeLength"/> characters, a referrer that is no http or
    /// https link or host name, a landing path that does not start with <c>/</c> or is over
    /// <see cref="Acquisition.MaxLandingPathLength"/> characters, a "how did you hear about us" answer that is not a
    /// code of <c>[a-z0-9_.-]</c> or not one of the shop's configured codes. Data: <c>field</c>
    /// (<see cref="ShopErrorData.Field"/>: <c>source</c>, <c>medium</c>, <c>campaign</c>, <c>referrer</c>,
    /// <c>landing_path</c>, <c>heard_about</c>, <c>landing_url</c>) and, for a length, <c>limit</c>. Nothing is stored. Map to 400.
    /// </summary>
    public const string Invalid = "acquisition.invalid";
}
