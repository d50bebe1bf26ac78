// Places one order on the running local platform, finds its trace in the Aspire dashboard the way the README tells a
// user to (Traces page, filtered by the span attribute order.id), and saves screenshots of the filtered list and of the
// trace. Fails when the trace does not hold the five services, the workflow and every step, so a screenshot is only
// written for a trace that shows what the README says. Called by scripts/trace-screenshot.sh.
import { chromium } from 'playwright-core';

const [dashboardLogin, orderUrl, notificationsUrl, token, outDir] = process.argv.slice(2);
const dashboard = new URL(dashboardLogin).origin;
const services = ['order-service', 'inventory-service', 'payment-service', 'shipping-service', 'notification-service'];
// The steps of an order below the approval threshold (apps/OrderService/Workflow/OrderWorkflow.cs): each records its
// own status change and event; check-stock runs only for orders that wait for an approval.
const steps = ['ReserveStockStepActivity', 'ProcessPaymentStepActivity', 'ShipOrderStepActivity', 'CommitStockStepActivity'];
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function until(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await sleep(500);
  }
}

// The README's order: 2 × SKU-001 for the customer of the token (no client trace context: the trace is the one
// order-service starts, as for any client).
const created = await fetch(`${orderUrl}/api/orders`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ items: [{ productId: 'SKU-001', quantity: 2 }] }),
});
if (created.status !== 202) throw new Error(`POST /api/orders answered ${created.status}: ${await created.text()}`);
const { orderId, customerId } = await created.json();
console.log(`order ${orderId} placed`);

const order = await until('the order to end', 90, async () => {
  const body = await (await fetch(`${orderUrl}/api/orders/${orderId}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  return ['completed', 'failed', 'cancelled'].includes(body.status) ? body : null;
});
if (order.status !== 'completed') throw new Error(`order ${orderId} ended ${order.status}`);
await until('notification-service to deliver order_completed', 60, async () => {
  const answer = await fetch(`${notificationsUrl}/api/notifications?customerId=${customerId}`);
  if (!answer.ok) throw new Error(`GET /api/notifications answered ${answer.status}: ${await answer.text()}`);
  const notes = await answer.json();
  return notes.some(n => n.orderId === orderId && n.type === 'order_completed');
});
console.log(`order ${orderId} completed and notified`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(dashboardLogin); // the login URL the AppHost prints signs the browser in
  await page.waitForURL(url => !url.pathname.startsWith('/login'));

  // Traces page filtered by order.id (the dashboard's filter syntax in the URL: field:condition:value).
  await page.goto(`${dashboard}/traces?filters=${encodeURIComponent(`order.id:equals:${orderId}`)}`);
  const postRow = page.getByText('order-service: POST /api/orders', { exact: false }).first();
  await postRow.waitFor({ timeout: 30000 });
  await dismissBanners(page);
  await page.screenshot({ path: `${outDir}/trace-filter-by-order-id.png` });

  await postRow.click();
  await page.waitForURL(/\/traces\/detail\//);
  const traceId = page.url().split('/traces/detail/')[1].split(/[?#]/)[0];
  // Spans arrive in batches: wait until the last expected ones are shown. The waterfall renders only the rows in
  // view, so the page is made tall enough for every span first.
  let missing = [];
  const text = await until('the trace to show every service, the workflow and its steps', 60, async () => {
    const count = Number(/Total spans\s*(\d+)/.exec(await page.locator('body').innerText())?.[1] ?? 0);
    if (count === 0) return null; // the header is not there yet: the page would be sized for no span at all
    await page.setViewportSize({ width: 1600, height: 260 + count * 32 });
    await page.waitForTimeout(500);
    const body = await page.locator('body').innerText();
    missing = expected().filter(name => !body.includes(name));
    return missing.length === 0 ? body : null;
  }).catch(async error => {
    await page.screenshot({ path: `${outDir}/failed.png` });
    throw new Error(`${error.message}; missing: ${missing.join(', ')}`);
  });
  const spans = Number(/Total spans\s*(\d+)/.exec(text)?.[1]);
  const resources = Number(/Resources\s*(\d+)/.exec(text)?.[1]);
  // The five services and the sidecar (daprd's spans: the dev sidecar's here).
  if (resources !== services.length + 1) throw new Error(`the trace has ${resources} resources, not ${services.length + 1}`);
  await dismissBanners(page);
  await page.setViewportSize({ width: 1600, height: 260 + spans * 32 }); // sized for the final count of spans
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${outDir}/trace-one-order.png` });

  // The README: the business metrics (meter OrderPlatform) are on order-service's Metrics page once an order ran.
  await page.goto(`${dashboard}/metrics/resource/order-service`);
  const metrics = ['orderplatform.orders.created', 'orderplatform.orders.ended', 'orderplatform.order.step.duration'];
  await until(`order-service's Metrics page to list ${metrics.join(', ')}`, 30, async () => {
    const body = await page.locator('body').innerText();
    return metrics.every(name => body.includes(name));
  });
  console.log(`order-service's Metrics page lists ${metrics.join(', ')}`);
  console.log(`trace ${traceId}: ${spans} spans from ${resources} resources, screenshots in ${outDir}`);
} finally {
  await browser.close();
}

function expected() {
  return [...services, 'create_orchestration||OrderWorkflow', 'orchestration||OrderWorkflow',
    ...steps.map(step => `activity||${step}`), ...steps.map(step => `WorkflowActivity ${step}`)];
}

async function dismissBanners(page) {
  // "No trusted development certificate" (no HTTPS dev certificate on a fresh Linux machine): not part of the trace.
  for (const dismiss of await page.locator('.dashboard-message-bar-dismiss').all()) {
    await dismiss.click();
  }
  await page.locator('.dashboard-message-bar').first().waitFor({ state: 'detached', timeout: 5000 });
}
