namespace OrderPlatform.OrderService.Workflow;

/// <summary>A <c>CancelOrder</c> arrived while the order was on hold before shipping: the workflow compensates and cancels.</summary>
public sealed class OrderCancelledOnHoldException : Exception
{
    public OrderCancelledOnHoldException()
    {
    }

    public OrderCancelledOnHoldException(string message)
        : base(message)
    {
    }

    public OrderCancelledOnHoldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
