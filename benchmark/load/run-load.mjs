// One load phase with autocannon, described by a JSON spec file (argv[2]); prints one JSON result line on stdout.
// Spec: { url, kind: "post-orders" | "get-orders", durationSeconds, connections, rate (null = saturation),
//         products: [..], tag, idsIn (get-orders: file of order ids), idsOut (post-orders: file for accepted ids),
//         tokens: [..] (bearer tokens, one per caller, cycled per request; the order's customer is the token's caller) }
// Latencies are recorded per response (2xx only, as autocannon does) at microsecond precision; autocannon's own
// histogram keeps whole milliseconds, too coarse for a bare Kestrel endpoint.
import autocannon from 'autocannon';
import { readFileSync, writeFileSync } from 'node:fs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const latencies = [];
const acceptedIds = [];
let sequence = 0;

function authorization(n) {
  return spec.tokens && spec.tokens.length > 0 ? { authorization: `Bearer ${spec.tokens[n % spec.tokens.length]}` } : {};
}

function orderRequest(req) {
  const n = sequence++;
  const productId = spec.products[n % spec.products.length];
  const body = JSON.stringify({ items: [{ productId, quantity: 1, unitPrice: 9.99 }] });
  return { ...req, headers: { ...req.headers, ...authorization(n) }, body };
}

function collectId(status, body) {
  if (status !== 202 || !spec.idsOut) return;
  try {
    acceptedIds.push(JSON.parse(body).orderId);
  } catch {
    // a non-JSON 202 is counted by status only
  }
}

function request() {
  if (spec.kind === 'post-orders') {
    return {
      method: 'POST',
      path: '/api/orders',
      headers: { 'content-type': 'application/json' },
      setupRequest: orderRequest,
      onResponse: collectId,
    };
  }
  const ids = readFileSync(spec.idsIn, 'utf8').split('\n').filter(Boolean);
  if (ids.length === 0) throw new Error(`no order ids in ${spec.idsIn}`);
  return {
    method: 'GET',
    setupRequest: (req) => {
      const n = sequence++;
      return { ...req, headers: { ...req.headers, ...authorization(n) }, path: `/api/orders/${ids[n % ids.length]}` };
    },
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round(sorted[rank - 1] * 1000) / 1000;
}

const instance = autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.durationSeconds,
  ...(spec.rate ? { overallRate: spec.rate } : {}),
  requests: [request()],
  timeout: 30,
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
});

const result = await instance;
latencies.sort((a, b) => a - b);
if (spec.idsOut) writeFileSync(spec.idsOut, acceptedIds.join('\n'));
const seconds = (new Date(result.finish) - new Date(result.start)) / 1000;
const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
console.log(JSON.stringify({
  requests: result.requests.total,
  seconds,
  requestsPerSecond: Math.round((result['2xx'] / seconds) * 10) / 10,
  ok: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes,
  latencyMs: {
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
  },
}));
