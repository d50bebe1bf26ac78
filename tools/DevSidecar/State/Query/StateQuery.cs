using System.Text.Json;

namespace OrderPlatform.DevSidecar.State.Query;

/// <summary>A parsed Dapr state query: filter, sort keys, page.</summary>
public sealed record StateQuery(QueryFilter? Filter, IReadOnlyList<QuerySort> Sort, int Limit, string? Token);

public sealed record QuerySort(string[] Path, bool Descending);

/// <summary>A filter node: EQ, IN, AND, OR (nested to any depth).</summary>
public abstract record QueryFilter
{
    public abstract bool Matches(JsonElement value);
}

/// <summary><c>value-&gt;&gt;'field' = $1</c>: the field's text equals the value's text, exactly.</summary>
public sealed record EqFilter(string[] Path, JsonElement Expected) : QueryFilter
{
    public override bool Matches(JsonElement value) =>
        JsonPath.FieldText(value, Path) is { } actual && actual == QueryValues.Text(Expected);
}

/// <summary>One EQ per candidate, OR-ed.</summary>
public sealed record InFilter(string[] Path, IReadOnlyList<JsonElement> Candidates) : QueryFilter
{
    public override bool Matches(JsonElement value) =>
        JsonPath.FieldText(value, Path) is { } actual && Candidates.Any(c => actual == QueryValues.Text(c));
}

public sealed record AndFilter(IReadOnlyList<QueryFilter> Filters) : QueryFilter
{
    public override bool Matches(JsonElement value) => Filters.All(f => f.Matches(value));
}

public sealed record OrFilter(IReadOnlyList<QueryFilter> Filters) : QueryFilter
{
    public override bool Matches(JsonElement value) => Filters.Any(f => f.Matches(value));
}
