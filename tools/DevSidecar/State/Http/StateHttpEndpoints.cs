using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.State.Query;

namespace OrderPlatform.DevSidecar.State.Http;

/// <summary>Dapr's HTTP state API: /v1.0/state/{store}[/{key}|/bulk|/transaction], /v1.0-alpha1/state/{store}/query.</summary>
internal static class StateHttpEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1.0/state/{store}", (HttpContext http, string store, ApiCalls calls, StateStores stores) =>
            calls.Http(http, "state.save", store, async app =>
            {
                var items = await HttpBodies.ReadAsync<List<HttpStateItem?>>(http.Request);
                var operations = items.Select((item, i) => HttpBodies.ToOperation(item, $"[{i}]")).ToList();
                stores.Open(app.AppId, store).Save(operations);
                return Results.NoContent();
            }));

        routes.MapGet("/v1.0/state/{store}/{key}", (HttpContext http, string store, string key, ApiCalls calls, StateStores stores) =>
            calls.Http(http, "state.get", store, app =>
            {
                StateOperation.ValidateConsistency(http.Request.Query["consistency"]);
                var entry = stores.Open(app.AppId, store).Get(key);
                if (entry is null)
                {
                    return Results.NoContent();
                }

                http.Response.Headers.ETag = entry.ETag;
                return Results.Bytes(entry.Value.ToByteArray(), "application/json");
            }));

        routes.MapDelete("/v1.0/state/{store}/{key}", (HttpContext http, string store, string key, ApiCalls calls, StateStores stores) =>
            calls.Http(http, "state.delete", store, app =>
            {
                StateOperation.ValidateConsistency(http.Request.Query["consistency"]);
                var etag = http.Request.Headers.IfMatch.ToString();
                var concurrency = StateOperation.ParseConcurrency(http.Request.Query["concurrency"]);
                stores.Open(app.AppId, store).Delete(new StateOperation(key, null, etag, concurrency));
                return Results.NoContent();
            }));

        routes.MapPost("/v1.0/state/{store}/bulk", (HttpContext http, string store, ApiCalls calls, StateStores stores) =>
            calls.Http(http, "state.bulkget", store, async app =>
            {
                var request = await HttpBodies.ReadAsync<HttpBulkGetRequest>(http.Request);
                var items = BulkGet.Run(stores.Open(app.AppId, store), request.Keys ?? [], request.Parallelism ?? 0);
                return Results.Json(
                    items.Select(i => new HttpBulkItem(i.Key, i.Entry is null ? null : HttpBodies.ToJson(i.Entry.Value), i.Entry?.ETag, i.Error)),
                    HttpBodies.Json);
            }));

        routes.MapPost("/v1.0/state/{store}/transaction", (HttpContext http, string store, ApiCalls calls, StateStores stores) =>
            calls.Http(http, "state.transaction", store, async app =>
            {
                var request = await HttpBodies.ReadAsync<HttpTransactionRequest>(http.Request);
                var operations = (request.Operations ?? []).Select((op, i) => op.Operation switch
                {
                    "upsert" => HttpBodies.ToOperation(op.Request, $"operations[{i}].request"),
                    "delete" => HttpBodies.ToOperation(op.Request, $"operations[{i}].request", delete: true),
                    _ => throw TransactionOperations.NotSupported(op.Operation),
                }).ToList();
                stores.Open(app.AppId, store).Transact(operations);
                return Results.NoContent();
            }));

        routes.MapPost("/v1.0-alpha1/state/{store}/query", (HttpContext http, string store, ApiCalls calls, StateStores stores) =>
            calls.Http(http, "state.query", store, async app =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var query = StateQueryParser.Parse(await reader.ReadToEndAsync(http.RequestAborted));
                var result = stores.Open(app.AppId, store).Query(query);
                var items = result.Results.Select(r => new HttpQueryItem(r.Key, HttpBodies.ToJson(r.Data), r.ETag)).ToList();
                return Results.Json(new HttpQueryResponse(items, result.Token), HttpBodies.Json);
            }));
    }
}
