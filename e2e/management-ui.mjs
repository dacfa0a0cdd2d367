// A screenshot of RabbitMQ's management UI, "Queues and Streams" page, in Debian's Chromium: the
// queues with their type, their consumers (several per queue when services run as replicas) and,
// on a cluster, their members. For docs/replicas.md; run it against a running system:
//
//   RABBITMQ_UI_URL=http://localhost:15672 RABBITMQ_USER=... RABBITMQ_PASSWORD=... node e2e/management-ui.mjs [out.png]
//
// The default output is docs/images/management-ui-queues.png.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const UI = (process.env.RABBITMQ_UI_URL || 'http://localhost:15672').replace(/\/+$/, '');
const OUT = process.argv[2] || join(HERE, '..', 'docs', 'images', 'management-ui-queues.png');

const browser = await chromium.launch({ executablePath: process.env.FOOD_CHROMIUM || '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 760 } });
  await page.goto(`${UI}/`);
  await page.fill('input[name="username"]', process.env.RABBITMQ_USER || 'guest');
  await page.fill('input[name="password"]', process.env.RABBITMQ_PASSWORD || 'guest');
  await page.click('input[type="submit"]');
  await page.waitForSelector('#logout', { timeout: 15_000 });
  // The consumer count is not among the queue list's default columns: switch it on, as "+/-" would.
  await page.evaluate(() => window.localStorage.setItem('rabbitmq.column-queues-consumers', 'true'));
  await page.goto(`${UI}/#/queues`);
  await page.reload();
  await page.waitForSelector('table.list tbody tr', { timeout: 15_000 });
  // The page refreshes its figures every 5 s: let one refresh show the consumers' rates.
  await page.waitForTimeout(6_000);
  await page.screenshot({ path: OUT, fullPage: true });
  const rows = await page.$$eval('table.list tbody tr', trs => trs.map(tr => tr.innerText.replace(/\s+/g, ' ').trim()));
  console.log(`${rows.length} queues, screenshot in ${OUT}`);
  rows.forEach(row => console.log(`  ${row}`));
}
finally {
  await browser.close();
}
