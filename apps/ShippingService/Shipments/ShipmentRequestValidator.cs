using FluentValidation;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>
/// Rules for <c>POST /ship</c> beyond what the strict body reader enforces (presence): ids, at least one line,
/// positive quantities, no blank address field. Errors are keyed by JSON path (<c>items[1].quantity</c>, <c>address.country</c>).
/// </summary>
public sealed class ShipmentRequestValidator : AbstractValidator<ShipmentRequest>
{
    public ShipmentRequestValidator()
    {
        RuleFor(r => r.OrderId).Identifier();
        RuleFor(r => r.CustomerId).Identifier();
        RuleFor(r => r.Items).NotEmpty();
        RuleForEach(r => r.Items).NotNull().SetValidator(new StockLineValidator());
        RuleFor(r => r.Address!).SetValidator(new AddressValidator()).When(r => r.Address is not null);
    }

    private sealed class StockLineValidator : AbstractValidator<StockLine>
    {
        public StockLineValidator()
        {
            RuleFor(l => l.ProductId).Identifier();
            RuleFor(l => l.Quantity).GreaterThan(0);
        }
    }

    private sealed class AddressValidator : AbstractValidator<ShippingAddress>
    {
        public AddressValidator()
        {
            RuleFor(a => a.Street).NotEmpty();
            RuleFor(a => a.City).NotEmpty();
            RuleFor(a => a.PostalCode).NotEmpty();
            RuleFor(a => a.Country).NotEmpty();
        }
    }
}
