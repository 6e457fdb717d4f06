using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;

namespace ShopKernel.Tests.Orders;

public class OrderNumberOptionsTests
{
    [Fact]
    public void AddShopKernel_registers_one_generator_on_node_0_and_the_default_format()
    {
        using var services = new ServiceCollection().AddShopKernel().Services.BuildServiceProvider();

        var generator = services.GetRequiredService<IOrderNumberGenerator>();
        var format = services.GetRequiredService<OrderNumberFormat>();

        Assert.Same(generator, services.GetRequiredService<IOrderNumberGenerator>());
        Assert.Equal(0, generator.Next().NodeId);
        Assert.Equal((string.Empty, 4), (format.Prefix, format.GroupSize));
    }

    [Fact]
    public void The_configured_node_id_prefix_and_grouping_are_used()
    {
        using var services = new ServiceCollection()
            .AddShopKernel(o =>
            {
                o.Orders.NodeId = 17;
                o.Orders.Prefix = "sk";
                o.Orders.GroupSize = 5;
            })
            .Services.BuildServiceProvider();

        var number = services.GetRequiredService<IOrderNumberGenerator>().Next();
        var format = services.GetRequiredService<OrderNumberFormat>();

        Assert.Equal(17, number.NodeId);
        Assert.Matches("^SK-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{3}$", number.ToString(format));
        Assert.Equal(number, OrderNumber.Parse(number.ToString(format), format));
    }

    [Theory]
    [InlineData("S-K", 4, null)]
    [InlineData("ABCDEFGHI", 4, null)]
    [InlineData("SK", -1, null)]
    [InlineData("SK", 13, null)]
    [InlineData("SK", 4, -1)]
    [InlineData("SK", 4, 1024)]
    public void Invalid_options_fail_validation(string prefix, int groupSize, int? nodeId)
    {
        using var services = new ServiceCollection()
            .AddShopKernel(o =>
            {
                o.Orders.Prefix = prefix;
                o.Orders.GroupSize = groupSize;
                o.Orders.NodeId = nodeId;
            })
            .Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ShopKernelOptions>>().Value);
        Assert.Contains("Orders", error.Message, StringComparison.Ordinal);
    }
}
