using FluentValidation;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>
/// Rules for <c>POST /ship</c> beyond what the strict body reader enforces (presence): ids, at least one line,
/// 1 to 100 lines of 1 to 1,000,000 units (the kit's <see cref="StockLineValidator"/>), no blank address field. Errors are keyed by JSON path (<c>items[1].quantity</c>, <c>address.country</c>).
/// </summary>
public sealed class ShipmentRequestValidator : AbstractValidator<ShipmentRequest>
{
    public ShipmentRequestValidator()
    {
        RuleFor(r => r.OrderId).Identifier();
        RuleFor(r => r.CustomerId).Identifier();
        RuleFor(r => r.Items).ValidLines();
        RuleForEach(r => r.Items).NotNull().SetValidator(new StockLineValidator());
        RuleFor(r => r.Address!).SetValidator(new AddressValidator()).When(r => r.Address is not null);
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
