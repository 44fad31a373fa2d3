import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { json, type TestApp } from './harness';

// Readers of list exports (platform/export.ts) for the tests of each module's exports.

export const csvRows = (res: LightMyRequestResponse) => {
  const text = res.rawPayload.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  // RFC 4180 reader: a field is quoted (doubled quotes inside) or plain, then a comma or CRLF
  const rows: string[][] = [];
  let row: string[] = [];
  for (const m of text.slice(1).matchAll(/("(?:[^"]|"")*"|[^,"\r\n]*)(,|\r\n)/g)) {
    const f = m[1]!;
    row.push(f.startsWith('"') ? f.slice(1, -1).replaceAll('""', '"') : f);
    if (m[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
};

export const xlsxRows = async (res: LightMyRequestResponse) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = book.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return { rows, rtl: ws.views[0]?.rightToLeft ?? false };
};

type Ev = { action: string; entityType: string; actorUsername: string; detail: Record<string, unknown> };
/** The export events of one user, newest first (read by the test app's admin). */
export const exportEvents = async (t: TestApp, username: string) =>
  json<{ items: Ev[] }>(await t.admin.get(`/api/v1/audit?action=export&actor=${username}`)).items;
