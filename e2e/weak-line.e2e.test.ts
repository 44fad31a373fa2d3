// A weak line pays for every byte and every round trip: the sign-in page's first load stays
// under 254 KB of compressed JS, every asset arrives compressed, hashed files come from the
// browser's cache on the next visit, and a page's code is fetched only when it is first opened.
// (Load times on a throttled line are measured, not asserted: `npm run bench -- web`.)
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Measured 245.5 KB (251,399 bytes) once each feature's strings and enum labels came with its
// pages instead of the shell (266 KB before; src/web/i18n/bundles.ts): the limit keeps ~4 KB of
// head-room. A rise past it means something reached the shell that belongs to a page.
// Health (issue 12) added ten lazy pages, three bundles and its navigation: the route tree's
// entries and each page's preload list live in the entry chunk (250.0 KB measured), so the
// limit is 254 KB. The pages and strings themselves stay out of the first load.
const FIRST_LOAD_JS_LIMIT = 254 * 1024;

interface Seen {
  url: string;
  type: string;
  bytes: number;
  encoding?: string;
  cacheControl?: string;
  fromCache: boolean;
}

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let seen: Seen[] = [];

describe('weak line', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const byId = new Map<string, Seen>();
    const cached = new Set<string>();
    cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
    cdp.on('Network.responseReceived', (e) => {
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      byId.set(e.requestId, {
        url: new URL(e.response.url).pathname,
        type: e.type,
        bytes: 0,
        encoding: h['content-encoding'],
        cacheControl: h['cache-control'],
        fromCache: Boolean(e.response.fromDiskCache) || cached.has(e.requestId),
      });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const s = byId.get(e.requestId);
      if (s) seen.push({ ...s, bytes: e.encodedDataLength });
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('loads the sign-in page with under 250 KB of compressed JS, every asset compressed and cached for long', async () => {
    seen = [];
    await page.goto('/sign-in');
    await page.getByTestId('username').waitFor();
    await page.waitForLoadState('networkidle');
    const scripts = seen.filter((s) => s.type === 'Script');
    expect(scripts.length).toBeGreaterThan(1);
    const js = scripts.reduce((n, s) => n + s.bytes, 0);
    expect(js, scripts.map((s) => `${s.url} ${s.bytes}`).join('\n')).toBeLessThanOrEqual(FIRST_LOAD_JS_LIMIT);
    const assets = seen.filter((s) => s.url.startsWith('/assets/'));
    for (const a of assets.filter((x) => x.bytes > 2048)) expect(a.encoding, a.url).toBe('br');
    for (const a of assets) expect(a.cacheControl, a.url).toBe('public, max-age=31536000, immutable');
    const html = seen.find((s) => s.type === 'Document');
    expect(html?.cacheControl).toBe('no-cache');
    // the signed-in pages' code is not part of the first load
    expect(scripts.some((s) => /AppLayout|home-|RegistryPage/.test(s.url))).toBe(false);
    await expectAccessible(page, 'weak-line-sign-in');
  });

  it('takes hashed files from the browser cache on the next visit', async () => {
    seen = [];
    await page.goto('/sign-in?again=1');
    await page.getByTestId('username').waitFor();
    await page.waitForLoadState('networkidle');
    const scripts = seen.filter((s) => s.type === 'Script');
    expect(scripts.length).toBeGreaterThan(1);
    for (const s of scripts) expect(s.fromCache, s.url).toBe(true);
  });
});
