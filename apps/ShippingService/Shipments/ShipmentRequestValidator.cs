using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Http;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>Field-level checks of a <see cref="ShipmentRequest"/>; keys are JSON paths (<c>items[0].quantity</c>).</summary>
public static class ShipmentRequestValidator
{
    public static Dictionary<string, string[]> Validate(ShipmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        errors.Required("orderId", request.OrderId);
        errors.Required("customerId", request.CustomerId);

        if (request.Items is null || request.Items.Count == 0)
        {
            errors.Add("items", "At least one item is required.");
        }
        else
        {
            for (var i = 0; i < request.Items.Count; i++)
            {
                var item = request.Items[i];
                if (item is null)
                {
                    errors.Add($"items[{i}]", "The item is required.");
                    continue;
                }

                errors.Required($"items[{i}].productId", item.ProductId);
                if (item.Quantity <= 0)
                {
                    errors.Add($"items[{i}].quantity", "The quantity must be greater than zero.");
                }
            }
        }

        if (request.Address is { } address)
        {
            errors.Required("address.street", address.Street);
            errors.Required("address.city", address.City);
            errors.Required("address.postalCode", address.PostalCode);
            errors.Required("address.country", address.Country);
        }

        return errors.ToDictionary();
    }
}
