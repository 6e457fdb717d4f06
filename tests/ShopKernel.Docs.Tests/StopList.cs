using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopKernel.Staff;
using ShopKernel.StopList;

namespace ShopKernel.Docs.Tests;

// docs/stop-list.md, as shown there (SnippetTests keeps the two equal).
internal static class StopListDocs
{
    public static void Wire(HostApplicationBuilder builder)
    {
        // snippet: stop-list-wiring
        builder.Services
            .AddShopKernel(o => o.Checkout.PaymentMethods.Add("cod"))
            .AddStopList(o => o.HashKeys.Add(builder.Configuration["ShopKernel:StopList:HashKeys:0"]!))   // openssl rand -base64 32
            .AddEntityFrameworkStores<ShopContext>();
        // end snippet
    }

    public static async Task<IReadOnlyList<StopListEntry>> EntriesAsync(IServiceScope scope, StaffUser user, string email)
    {
        // snippet: stop-list-entries
        var stopList = scope.ServiceProvider.GetRequiredService<StopListService>();
        var staff = new StaffActor(user.Id, user.DisplayName);

        var added = await stopList.AddAsync(staff, new NewStopListEntry(new StopListKeys { Email = email }, StopListScope.BlockOrders, StopListReason.Fraud));
        var found = await stopList.FindAsync(staff, new StopListKeys { Phone = "030 1234567" });   // needs stoplist.read
        await stopList.RemoveAsync(staff, added.Value.Id, added.Value.Version, "Apologised.");
        // end snippet
        return found.Value;
    }
}
