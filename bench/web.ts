// The web app on a weak line: Chromium with network throttling (default 1.6 Mbit/s down,
// 300 ms latency) against a real server on the demo mission. Prints the compressed JS of the first
// load, cold loads of the sign-in page and of the home page after sign-in, a warm navigation and
// the requests each page makes, beside a baseline measured in the same run: a bare Fastify page
// under the same throttling (the line's own floor). Asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import setupWeb from '../e2e/support/global-setup.ts';
import { REPO_ROOT, startServer } from '../e2e/support/server.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : d;
};
const MBITS = Number(opt('mbits', '1.6'));
const LATENCY = Number(opt('latency', '300'));
const USER = opt('user', 'demo-manager');
const VERBOSE = args.includes('--verbose');
const READ_MS = Number(opt('read', '5')) * 1000;
const PASSWORD = 'bench demo password 1';

interface Transfer {
  requests: number;
  apiRequests: number;
  jsBytes: number;
  allBytes: number;
  api: string[];
}

/** Throttles a page's line and counts what crosses it (bytes as sent, i.e. compressed). */
interface Line {
  cdp: CDPSession;
  take: () => Transfer;
  /** waits until nothing has been in flight for a while; returns when the last request ended */
  settled: () => Promise<number>;
}

async function throttle(page: Page): Promise<Line> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY,
    downloadThroughput: (MBITS * 1_000_000) / 8,
    uploadThroughput: (MBITS * 1_000_000) / 8 / 2,
  });
  const types = new Map<string, { type: string; url: string }>();
  let t: Transfer = { requests: 0, apiRequests: 0, jsBytes: 0, allBytes: 0, api: [] };
  const inFlight = new Set<string>();
  let lastDone = performance.now();
  const done = (id: string) => {
    if (inFlight.delete(id)) lastDone = performance.now();
  };
  cdp.on('Network.requestWillBeSent', (e) => inFlight.add(e.requestId));
  cdp.on('Network.loadingFailed', (e) => done(e.requestId));
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { type: e.type, url: e.response.url }));
  cdp.on('Network.loadingFinished', (e) => {
    done(e.requestId);
    const r = types.get(e.requestId);
    t.requests += 1;
    if (r?.url.includes('/api/')) {
      t.apiRequests += 1;
      t.api.push(new URL(r.url).pathname);
    }
    if (r?.type === 'Script') t.jsBytes += e.encodedDataLength;
    t.allBytes += e.encodedDataLength;
  });
  // a single-page app's navigations never fire a load event again: quiet is measured here
  const settled = async () => {
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      if (inFlight.size === 0 && performance.now() - lastDone > 1000) return lastDone;
    }
  };
  return {
    cdp,
    settled,
    take: () => {
      const out = t;
      t = { requests: 0, apiRequests: 0, jsBytes: 0, allBytes: 0, api: [] };
      return out;
    },
  };
}

/** From the start until both the page shows what it waits for and its last request has ended. */
async function timed(line: Line | null, fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  const shown = performance.now();
  return (line ? Math.max(shown, await line.settled()) : shown) - t0;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function baseline(browser: Browser): Promise<number> {
  const bare = Fastify();
  bare.get('/', async (_req, reply) =>
    reply.type('text/html').send('<!doctype html><title>bare</title><p id="ok">ok</p>'),
  );
  const url = await bare.listen({ port: 0, host: '127.0.0.1' });
  const context = await browser.newContext();
  const page = await context.newPage();
  await throttle(page);
  const ms = await timed(null, () => page.goto(url, { waitUntil: 'load' }));
  await context.close();
  await bare.close();
  return ms;
}

async function main() {
  setupWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'sanad-bench-web-'));
  console.log('Loading the demo mission (about a minute)…');
  const demo = spawnSync(process.execPath, ['bin/sanad.js', 'demo'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, SANAD_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (demo.status !== 0) throw new Error(`sanad demo failed:\n${demo.stdout}\n${demo.stderr}`);
  const server = await startServer({ dataDir, env: { SANAD_RATE_LIMIT_PER_SESSION: '0' } });
  const browser = await launchBrowser();
  try {
    const floor = await baseline(browser);
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const line = await throttle(page);

    const signInMs = await timed(line, async () => {
      await page.goto('/sign-in');
      await page.getByTestId('username').waitFor();
    });
    const signIn = line.take();

    await page.getByTestId('username').fill(USER);
    await page.getByTestId('password').fill(PASSWORD);
    const homeMs = await timed(line, async () => {
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('home').waitFor();
    });
    const home = line.take();

    // a person reads the home page for a few seconds before moving on (the app fetches the
    // navigation's page code meanwhile); what that background fetch costs is printed too
    await new Promise((r) => setTimeout(r, READ_MS));
    await line.settled();
    const background = line.take();

    const warmMs = await timed(line, async () => {
      await page.locator('nav a[href="/registry"]').first().click();
      await page.waitForURL(/\/registry/);
      await page.getByTestId('person-row').first().waitFor();
    });
    const warm = line.take();

    const backHomeMs = await timed(line, async () => {
      await page.locator('nav a[href="/"]').first().click();
      await page.getByTestId('home').waitFor();
    });
    const backHome = line.take();

    console.log(`\nWeb app over ${MBITS} Mbit/s with ${LATENCY} ms latency, as ${USER} (demo mission)`);
    console.log(`  baseline: bare Fastify page, same line          ${s(floor)}`);
    const row = (name: string, ms: number, x: Transfer, target: string) =>
      console.log(
        `  ${name.padEnd(40)} ${s(ms).padStart(8)}  (${(ms / floor).toFixed(1)}× baseline; target ${target})  ` +
          `JS ${kb(x.jsBytes)}, all ${kb(x.allBytes)}, ${x.requests} requests (${x.apiRequests} API)` +
          (VERBOSE ? `\n      API: ${x.api.join(' ')}` : ''),
      );
    row('cold load: sign-in page', signInMs, signIn, '≤ 5 s');
    row('sign-in → home page, data loaded', homeMs, home, '≤ 5 s');
    console.log(
      `  while reading home (${READ_MS / 1000} s), in the background: JS ${kb(background.jsBytes)}, ${background.requests} requests`,
    );
    row('warm navigation: home → registry', warmMs, warm, '≤ 1 s');
    row('warm navigation: registry → home', backHomeMs, backHome, '≤ 1 s');
    console.log(
      `  first load compressed JS: ${kb(signIn.jsBytes)} (target ≤ 250 KB); with home: ${kb(signIn.jsBytes + home.jsBytes)}`,
    );
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
