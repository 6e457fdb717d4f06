using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopKernel.Customers;
using ShopKernel.PersonalData;
using ShopKernel.Staff;

namespace ShopKernel.Docs.Tests;

// docs/customers.md, as shown there (SnippetTests keeps the two equal).

/// <summary>A host's authorizer: one authorization policy per permission name, asked for the signed-in user.</summary>
public sealed class PolicyStaffAuthorizer(IHttpContextAccessor http, IAuthorizationService authorization) : IStaffAuthorizer
{
    public async ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default) =>
        http.HttpContext is { } context && (await authorization.AuthorizeAsync(context.User, permission)).Succeeded;
}

internal static class CustomersDocs
{
    public static void ConfigureSigningKey(HostApplicationBuilder builder)
    {
        builder.Services.AddShopKernel(o =>
        {
            // snippet: customers-signing-key
            o.Tokens.SigningKeys.Add(builder.Configuration["ShopKernel:Tokens:SigningKeys:0"]!);   // openssl rand -base64 32
            // end snippet
        });
    }

    public static async Task<CustomerExport> SegmentsAsync(
        CustomerSegmentService segments, StaffActor staff, DateTimeOffset now, DateOnly today, TextWriter writer, HttpResponse response)
    {
        // snippet: customers-segments
        var lapsedRegulars = CustomerSegment.All
            .WithOrderCountAtLeast(3)                                   // frequency, summed over currencies
            .WithLifetimeSpendAtLeast(Money.Parse("200.00 EUR"))        // monetary, in that currency
            .WithNoOrderSince(now.AddMonths(-6));                       // recency (also customers who never ordered)
        var birthdays = CustomerSegment.All.WithBirthdayWithin(today, days: 7);   // wraps the year end; 29 Feb counts on 28 Feb

        var page = await segments.QueryAsync(staff, lapsedRegulars, after: null, pageSize: 100);      // keyset-paged, contacts masked
        var csv = await segments.ExportCsvAsync(staff, CustomerSegment.All, writer);                // streamed CSV
        var xlsx = await segments.ExportXlsxAsync(staff, lapsedRegulars, response.Body);            // streamed XLSX
        // csv.Value: RowCount (real customers), ExportId (in the access log), HasCanary
        // end snippet
        return csv.Value;
    }

    public static async Task<CustomerProfile> StaffAccessAsync(
        IServiceCollection services, CustomerSegmentService segments, StaffUser user, CustomerId customerId)
    {
        // snippet: customers-staff-access
        services.AddSingleton<IStaffAuthorizer, PolicyStaffAuthorizer>();   // the host's: maps a permission to its policies

        var staff = new StaffActor(user.Id, user.DisplayName);
        var page = await segments.QueryAsync(staff, CustomerSegment.All);   // or staff.permission_denied (403), logged
        var ada = await segments.UnmaskAsync(staff, customerId);            // a logged access of that one customer
        // end snippet
        return ada.Value;
    }

    public static async Task TraceExportAsync(AccessLogService accessLog, StaffActor auditor)
    {
        // snippet: customers-trace-export
        var traced = await accessLog.TraceExportAsync(auditor, "anna.schmidt84@post-lindenhof.de");
        foreach (var export in traced.Value)   // usually one; also Sequence, ExportId, Operation, Outcome, IsVerified
            Console.WriteLine($"{export.At:u} {export.Actor.DisplayName}: {export.RowCount} customers, {export.Segment}");
        // end snippet
    }

    public static void ConfigurePersonalDataKeys(HostApplicationBuilder builder, IConfiguration config)
    {
        // snippet: customers-personal-data-keys
        builder.Services.AddShopKernel(o =>
        {
            // Both from a vault / key management service / environment (ShopKernel__PersonalData__EncryptionKeys__0 …), never the database.
            o.PersonalData.EncryptionKeys.Add(config["ShopKernel:PersonalData:EncryptionKeys:0"]!); // `openssl rand -base64 32`
            o.PersonalData.IndexKey = config["ShopKernel:PersonalData:IndexKey"]!;                   // another one, kept for good
        }).AddEntityFrameworkStores<ShopContext>();
        // end snippet
    }

    public static async Task<SealedRows> SealPlainRowsAsync(IHost app)
    {
        // snippet: customers-seal-plain-rows
        await using var scope = app.Services.CreateAsyncScope();
        var sealedRows = await scope.ServiceProvider.GetRequiredService<PersonalDataSealing>().SealAllAsync();
        // SealedRows { Customers = …, Orders = …, Subscriptions = … }; a second run returns zeros.
        // end snippet
        return sealedRows;
    }
}
