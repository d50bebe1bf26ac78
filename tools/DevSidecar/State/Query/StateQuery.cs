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

public sealed record EqFilter(string[] Path, JsonElement Expected) : QueryFilter
{
    public override bool Matches(JsonElement value) =>
        JsonPath.TryGet(value, Path, out var actual) && JsonValues.Compare(actual, Expected) == 0;
}

public sealed record InFilter(string[] Path, IReadOnlyList<JsonElement> Candidates) : QueryFilter
{
    public override bool Matches(JsonElement value) =>
        JsonPath.TryGet(value, Path, out var actual) && Candidates.Any(c => JsonValues.Compare(actual, c) == 0);
}

public sealed record AndFilter(IReadOnlyList<QueryFilter> Filters) : QueryFilter
{
    public override bool Matches(JsonElement value) => Filters.All(f => f.Matches(value));
}

public sealed record OrFilter(IReadOnlyList<QueryFilter> Filters) : QueryFilter
{
    public override bool Matches(JsonElement value) => Filters.Any(f => f.Matches(value));
}
