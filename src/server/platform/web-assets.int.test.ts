// The web app's files on a weak line: compressed once at build time and sent as they are, hashed
// files cached for a year, the page itself revalidated; API answers compressed too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, cacheControlFor } from '../app';
import { type TestApp, testApp } from '../test/harness';

let t: TestApp;
let web: FastifyInstance;
let dir: string;
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

beforeAll(async () => {
  t = await testApp();
  dir = mkdtempSync(join(tmpdir(), 'sanad-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sanad</title>');
  writeFileSync(join(dir, 'assets', 'index-AbCd12_-.js'), script);
  writeFileSync(join(dir, 'assets', 'index-AbCd12_-.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets', 'index-AbCd12_-.js.gz'), gzipSync(script));
  web = await buildApp({ ...t.ctx, config: { ...t.ctx.config, webDir: dir } }, { serveWeb: true });
  await web.ready();
});
afterAll(async () => {
  await web.close();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web assets', () => {
  it('sends the brotli file built beside a hashed asset, cached for a year', async () => {
    const res = await web.inject({
      method: 'GET',
      url: '/assets/index-AbCd12_-.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, then to the plain file, for clients that take less', async () => {
    const gz = await web.inject({ url: '/assets/index-AbCd12_-.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await web.inject({
      url: '/assets/index-AbCd12_-.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(script);
  });

  it('revalidates the page itself, for direct visits to client-side routes too', async () => {
    for (const url of ['/', '/registry/new']) {
      const res = await web.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('compresses API answers for clients that accept it', async () => {
    const res = await t.admin.request({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString()).openapi).toMatch(/^3/);
  });

  it('caches only hashed build files for long', () => {
    expect(cacheControlFor('/srv/web/assets/react-CELlnBRq.js')).toMatch(/immutable/);
    expect(cacheControlFor('/srv/web/assets/mantine-C-VwYSQu.css.br')).toMatch(/immutable/);
    expect(cacheControlFor('/srv/web/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/web/assets/logo.svg')).toBe('no-cache');
  });
});
