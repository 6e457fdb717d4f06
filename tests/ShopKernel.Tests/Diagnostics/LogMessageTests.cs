using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using ShopKernel.Carts;

namespace ShopKernel.Tests.Diagnostics;

/// <summary>ShopKernel logs through source-generated messages with distinct event ids and no personal placeholders.</summary>
public sealed partial class LogMessageTests
{
    private static readonly (MethodInfo Method, LoggerMessageAttribute Message)[] Messages =
    [
        .. typeof(CartService).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Message: m.GetCustomAttribute<LoggerMessageAttribute>()!))
            .Where(m => m.Message is not null),
    ];

    [Fact]
    public void Every_message_has_its_own_event_id()
    {
        Assert.True(Messages.Length >= 20, $"Only {Messages.Length} log messages found.");
        var reused = Messages.GroupBy(m => m.Message.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method.DeclaringType!.Name + "." + m.Method.Name))}");
        Assert.Empty(reused);
    }

    [Fact]
    public void No_message_takes_a_contact_name_address_password_or_token()
    {
        var personal = Messages
            .SelectMany(m => Placeholder().Matches(m.Message.Message).Select(p => (m.Method.Name, Placeholder: p.Groups[1].Value))
                .Concat(m.Method.GetParameters().Select(p => (m.Method.Name, Placeholder: p.Name!))))
            .Where(p => Personal().IsMatch(p.Placeholder))
            .Select(p => $"{p.Name}: {p.Placeholder}");
        Assert.Empty(personal);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("mail|phone|name|address|street|password|token|birthday|ip|agent|note", RegexOptions.IgnoreCase)]
    private static partial Regex Personal();
}
