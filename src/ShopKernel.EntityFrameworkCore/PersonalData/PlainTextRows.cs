namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>
/// The one answer to a row that holds personal data in plain text (stored by a release before sealing): a loud
/// failure naming the row, never its values, and what to run — such a row must not pass for erased.
/// </summary>
internal static class PlainTextRows
{
    /// <param name="row">What the row is, by id (<c>Customer 0192…</c>, <c>The subscription.guest_contact of 0192…</c>).</param>
    public static InvalidOperationException Refused(string row) =>
        new($"{row} is stored in plain text, by a release before personal data was sealed: run PersonalDataSealing.SealAllAsync once after upgrading such a database.");
}
