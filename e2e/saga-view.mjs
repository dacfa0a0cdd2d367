// The saga view in a real headless browser (Debian's Chromium, driven by playwright-core), against
// a running system: places an order through the page's form and waits until the page shows it
// DELIVERED, then makes a dead letter at payment, replays it from the page and watches the order
// move on, then cancels an order from the page while the kitchen's answer is held back in its dead
// letters: the page shows it CANCELLING until the replayed request is refused and the order
// delivered. Run it with e2e/run.sh (docs/saga-view.md).
//
// Environment: FOOD_ORDER_URL (default http://localhost:8080), FOOD_ADMIN_USER (default admin),
// FOOD_ADMIN_PASSWORD (required), FOOD_CHROMIUM (default /usr/bin/chromium).
import { mkdirSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.FOOD_ORDER_URL || 'http://localhost:8080').replace(/\/+$/, '');
const ADMIN_USER = process.env.FOOD_ADMIN_USER || 'admin';
const ADMIN_PASSWORD = process.env.FOOD_ADMIN_PASSWORD || '';
const CHROMIUM = process.env.FOOD_CHROMIUM || '/usr/bin/chromium';
const TARGET = join(HERE, 'target');
const README_IMAGE = join(HERE, '..', 'docs', 'images', 'saga-view.png');

const OVERALL_LIMIT_MS = 240_000; // the whole run, whatever happens
const DELIVERED_WITHIN_MS = 60_000; // the kitchen's and delivery's simulated times are about 5 s each
const DEAD_LETTER_WITHIN_MS = 30_000; // four attempts with 0.5, 1 and 2 s pauses, then the intake

const started = Date.now();
let step = 0;

function progress(message) {
  step += 1;
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${step}. ${message}`);
}

function fail(message) {
  throw new Error(message);
}

const overall = setTimeout(() => {
  console.error(`FAILED: the saga view test did not finish within ${OVERALL_LIMIT_MS / 1000} s`);
  process.exit(2);
}, OVERALL_LIMIT_MS);

async function run(page) {
  progress(`opening ${BASE_URL}/saga-view/`);
  const response = await page.goto(`${BASE_URL}/saga-view/`, { waitUntil: 'domcontentloaded', timeout: 20_000 });
  if (!response || response.status() !== 200) fail(`GET /saga-view/ answered ${response && response.status()}`);
  await page.locator('#lines select.sku option').first().waitFor({ state: 'attached', timeout: 20_000 })
    .catch(() => fail('the menu never appeared in the order form: ' + '(GET /saga-view/ products failed?)'));

  progress('typing the admin login into the page');
  await page.fill('#admin-user', ADMIN_USER);
  await page.fill('#admin-password', ADMIN_PASSWORD);
  await page.click('#login button[type=submit]');
  await page.locator('#dl-services .service-state').first().waitFor({ timeout: 15_000 })
    .catch(async () => fail('the dead letters were not listed after the login: ' + await text(page, '#dead-letters tbody')));
  const unreachable = await page.locator('#dl-services .service-state.unreachable, #dl-services .service-state.failed').allTextContents();
  if (unreachable.length) fail('some services are not answering the admin proxy: ' + unreachable.join('; '));

  // ---- an approved order, all the way to DELIVERED
  progress('placing an order through the form: 1 x PIZZA-MARGHERITA, outcome "approved" (tok_visa)');
  await page.selectOption('#lines .line:first-child select.sku', 'PIZZA-MARGHERITA');
  await page.fill('#lines .line:first-child input.quantity', '1');
  await page.check('input[name=outcome][value=approved]');
  await page.click('#place');
  const firstOrder = await placedOrderId(page);
  progress(`order ${firstOrder} placed; waiting up to ${DELIVERED_WITHIN_MS / 1000} s for the page to show DELIVERED`);
  await awaitStatus(page, firstOrder, 'DELIVERED', DELIVERED_WITHIN_MS);

  progress('checking the timeline shows the payment, kitchen and delivery steps');
  const expected = [
    ['order', 'placed'], ['payment', 'payment.completed'], ['kitchen', 'ticket.accepted'], ['payment', 'payment.captured'],
    ['kitchen', 'meal.prepared'], ['delivery', 'delivery.assigned'], ['delivery', 'delivery.completed'],
  ];
  for (const [service, stepName] of expected) {
    const row = page.locator(`#timeline tbody tr[data-service="${service}"][data-step="${stepName}"]`);
    await row.first().waitFor({ timeout: 5_000 }).catch(() => fail(`the timeline has no ${service} ${stepName} step`));
  }
  const current = await page.locator('#states li.current').getAttribute('data-state');
  if (current !== 'DELIVERED') fail(`the state strip shows ${current}, not DELIVERED`);

  progress("checking each participant's own record: reservation COMMITTED, payment CAPTURED, ticket PREPARED, delivery DELIVERED");
  const records = { inventory: 'COMMITTED', payment: 'CAPTURED', kitchen: 'PREPARED', delivery: 'DELIVERED' };
  await page.waitForFunction((wanted) => Object.entries(wanted).every(([service, status]) =>
    document.querySelector(`#participants .participant[data-service="${service}"]`)?.dataset.status === status),
  records, { timeout: 10_000, polling: 250 }).catch(async () => fail('the participants do not show '
    + JSON.stringify(records) + ': ' + await text(page, '#participants')));
  await page.locator('#timeline tr.fresh').first().waitFor({ state: 'detached', timeout: 3_000 }).catch(() => {});
  await page.waitForTimeout(1600); // the highlight of new rows fades in 1.5 s: a calm screenshot
  await screenshot(page, 'saga-view.png');
  copyFileSync(join(TARGET, 'saga-view.png'), README_IMAGE);

  // ---- a dead letter at payment, replayed from the page
  const before = await deadLetterIds(page);
  progress('switching on a failing handler at payment for order.placed (through the page)');
  await page.selectOption('#failure-service', 'payment');
  await page.fill('#failure-key', 'order.placed');
  await page.fill('#failure-count', '10');
  await page.uncheck('#failure-poison');
  await page.click('#failure-on');
  await page.waitForFunction(() => /payment: the next 10 handlings of order\.placed fail/.test(document.querySelector('#failure-state').textContent),
    null, { timeout: 10_000 }).catch(async () => fail('the failure switch did not turn on: ' + await text(page, '#failure-state')));

  let switchOn = true;
  try {
    progress('placing a second order (approved); payment will fail to handle its order.placed');
    await page.click('#place');
    const secondOrder = await placedOrderId(page, firstOrder);
    progress(`order ${secondOrder} placed; waiting up to ${DEAD_LETTER_WITHIN_MS / 1000} s for its dead letter in the page's list`);
    const letter = await awaitNewDeadLetter(page, before, 'payment', 'order.placed', DEAD_LETTER_WITHIN_MS);
    progress(`dead letter ${letter} at payment (order.placed); opening its body`);
    const row = page.locator(`#dead-letters tbody tr[data-id="${letter}"]`);
    await row.locator('button.show-body').click();
    const body = page.locator(`#dead-letters tbody tr[data-body-of="${letter}"] pre`);
    await body.waitFor({ timeout: 10_000 }).catch(() => fail('the body of the dead letter was not shown'));
    if (!(await body.textContent()).includes(secondOrder)) fail(`the dead letter ${letter} is not about order ${secondOrder}`);
    const status = await page.locator('#order-status').textContent();
    if (status !== 'AWAITING_PAYMENT') fail(`the order should wait for its payment, but it is ${status}`);
    await screenshot(page, 'dead-letters.png');

    progress('switching the failure off, then replaying the dead letter from the page');
    await page.click('#failure-off');
    await page.waitForFunction(() => /payment: off/.test(document.querySelector('#failure-state').textContent), null, { timeout: 10_000 })
      .catch(async () => fail('the failure switch did not turn off: ' + await text(page, '#failure-state')));
    switchOn = false;
    await row.locator('button.replay').click();
    await row.waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => fail(`the dead letter ${letter} is still listed after the replay`));
    progress(`the dead letter is gone; waiting for order ${secondOrder} to move on to DELIVERED`);
    await awaitStatus(page, secondOrder, 'DELIVERED', DELIVERED_WITHIN_MS);
    const paid = page.locator('#timeline tbody tr[data-service="payment"][data-step="payment.completed"]');
    if (!(await paid.count())) fail('the replayed order has no payment.completed step');
  } finally {
    if (switchOn) await switchOff(page, 'payment');
  }

  // ---- a cancellation from the page: the kitchen's answer held back, then refused
  const known = await deadLetterIds(page);
  progress('making the kitchen dead-letter the next cancellation request (poison, through the page)');
  await page.selectOption('#failure-service', 'kitchen');
  await page.fill('#failure-key', 'order.cancellation-requested');
  await page.check('#failure-poison');
  await page.click('#failure-on');
  await page.waitForFunction(() => /kitchen: the next order\.cancellation-requested is poison/.test(document.querySelector('#failure-state').textContent),
    null, { timeout: 10_000 }).catch(async () => fail('the failure switch did not turn on: ' + await text(page, '#failure-state')));
  let poisonArmed = true;
  try {
    progress('placing a third order (approved) and cancelling it from the page');
    await page.uncheck('#failure-poison');
    const previous = await page.locator('#order-panel').getAttribute('data-order-id');
    await page.click('#place');
    const third = await placedOrderId(page, previous);
    await page.locator('#cancel-order').waitFor({ state: 'visible', timeout: 10_000 })
      .catch(() => fail('the page offers no "Cancel order" for a moving order'));
    await page.click('#cancel-order');
    await page.waitForFunction(() => /^202 Accepted: CANCELLING/.test(document.querySelector('#cancel-state').textContent),
      null, { timeout: 10_000 }).catch(async () => fail('the cancellation was not accepted: ' + await text(page, '#cancel-state')));
    progress(`order ${third}: 202, CANCELLING; waiting for the kitchen to dead-letter the request`);
    const request = await awaitNewDeadLetter(page, known, 'kitchen', 'order.cancellation-requested', DEAD_LETTER_WITHIN_MS);
    poisonArmed = false;
    await awaitStatus(page, third, 'CANCELLING', 10_000);
    const pending = await text(page, '#order-end.pending');
    if (!pending.startsWith('CANCELLING')) fail(`the page does not show the pending cancellation: "${pending}"`);
    progress('the page shows CANCELLING; waiting until the kitchen has prepared the meal anyway');
    await page.waitForFunction(() => document.querySelector('#participants .participant[data-service="kitchen"]')
      ?.dataset.status === 'PREPARED', null, { timeout: 30_000, polling: 250 })
      .catch(async () => fail('the kitchen did not prepare the meal: ' + await text(page, '#participants')));
    if (await page.locator('#order-panel').getAttribute('data-status') !== 'CANCELLING') {
      fail('the order left CANCELLING without the kitchen\'s answer');
    }
    await page.waitForTimeout(1600);
    await screenshot(page, 'cancelling.png');

    progress(`replaying the request (dead letter ${request}) from the page: the kitchen refuses, the meal is prepared`);
    const row = page.locator(`#dead-letters tbody tr[data-id="${request}"]`);
    await row.locator('button.replay').click();
    await row.waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => fail(`the dead letter ${request} is still listed after the replay`));
    await awaitStatus(page, third, 'DELIVERED', DELIVERED_WITHIN_MS);
    for (const [service, stepName] of [['order', 'cancellation requested by customer'], ['kitchen', 'ticket.cancellation-refused']]) {
      const step = page.locator(`#timeline tbody tr[data-service="${service}"][data-step="${stepName}"]`);
      await step.first().waitFor({ timeout: 5_000 }).catch(() => fail(`the timeline has no ${service} ${stepName} step`));
    }
  } finally {
    if (poisonArmed) await switchOff(page, 'kitchen');
  }
}

/** Leaves the system as it was found, whatever failed: a service's handler failure switch off. */
async function switchOff(page, service) {
  await page.evaluate((svc) => fetch(`/admin/system/${svc}/handler-failures`, {
    method: 'DELETE',
    headers: { Authorization: sessionStorage.getItem('saga-view.admin'), 'X-Requested-With': 'XMLHttpRequest' },
  }), service).catch(() => {});
}

/** The id of the order the page follows after a click on "Place order" (another one than {@code previous}). */
async function placedOrderId(page, previous) {
  await page.waitForFunction((prev) => {
    const id = document.querySelector('#order-panel').dataset.orderId;
    return id && id !== prev;
  }, previous || null, { timeout: 20_000 }).catch(async () => fail('the order was not placed: ' + await text(page, '#place-state')));
  return page.locator('#order-panel').getAttribute('data-order-id');
}

async function awaitStatus(page, orderId, status, timeout) {
  await page.waitForFunction(([id, wanted]) => {
    const panel = document.querySelector('#order-panel');
    return panel.dataset.orderId === id && panel.dataset.status === wanted;
  }, [orderId, status], { timeout, polling: 250 }).catch(async () => {
    const shown = await page.locator('#order-panel').getAttribute('data-status');
    const steps = await page.locator('#timeline tbody tr').allTextContents();
    fail(`order ${orderId} did not reach ${status} within ${timeout / 1000} s; the page shows ${shown}; timeline:\n  `
      + steps.join('\n  '));
  });
}

async function awaitNewDeadLetter(page, before, service, routingKey, timeout) {
  const handle = await page.waitForFunction(([known, svc, key]) => {
    const rows = [...document.querySelectorAll('#dead-letters tbody tr[data-id]')];
    const fresh = rows.find((r) => !known.includes(r.dataset.id) && r.dataset.service === svc
      && r.dataset.routingKey === key);
    return fresh ? fresh.dataset.id : null;
  }, [[...before], service, routingKey], { timeout, polling: 250 }).catch(async () => fail(`no new dead letter of ${routingKey} `
    + `at ${service} appeared: ` + (await page.locator('#dl-services').textContent())));
  return handle.jsonValue();
}

/** The ids of the dead letters the page lists now. */
async function deadLetterIds(page) {
  return new Set(await page.locator('#dead-letters tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => r.dataset.id)));
}

async function text(page, selector) {
  return (await page.locator(selector).textContent().catch(() => '')).trim();
}

async function screenshot(page, name) {
  await page.screenshot({ path: join(TARGET, name), fullPage: true });
  progress(`screenshot ${join('e2e', 'target', name)}`);
}

async function main() {
  if (!ADMIN_PASSWORD) fail('FOOD_ADMIN_PASSWORD is not set: the dead letters need the admin login');
  mkdirSync(TARGET, { recursive: true });
  mkdirSync(dirname(README_IMAGE), { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'saga-view-chromium-'));
  progress(`starting ${CHROMIUM} (headless)`);
  // A fresh, empty profile (--user-data-dir) for every run. Without the background-networking
  // flags Chromium keeps trying to reach its vendor's hosts, which a closed network refuses, and it
  // can hang there.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1360, height: 900 },
    deviceScaleFactor: 1,
  });
  const errors = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('dialog', (dialog) => dialog.accept());
    await run(page);
    // A 401 or 404 logged by the browser for a request the page handles is not a script error.
    const scriptErrors = errors.filter((e) => !/Failed to load resource/.test(e));
    if (scriptErrors.length) fail('the page logged errors:\n  ' + scriptErrors.join('\n  '));
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(() => {
  clearTimeout(overall);
  console.log(`PASSED: the saga view placed, followed and delivered an order, replayed a dead letter, and showed a `
    + `cancellation pending until the kitchen refused it (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log('1 passed, 0 failed');
}).catch((error) => {
  clearTimeout(overall);
  console.error(`FAILED at step ${step}: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
