namespace ShopKernel.Orders;

/// <summary>Makes new order numbers: unique, and increasing in the order they are made on one node.</summary>
public interface IOrderNumberGenerator
{
    /// <summary>Makes the next order number; thread-safe.</summary>
    OrderNumber Next();
}
