import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AuditEvent } from '../../../domain/audit/schemas';
import { type Client, json, type TestApp } from '../../test/harness';

// Small helpers shared by the catalogue's API tests (items, stock points, projects, settings).

export const put = (c: Client, url: string, payload: unknown) =>
  c.request({ method: 'PUT', url, payload: payload as never });

/** The field paths of a problem's errors, sorted. */
export const paths = (res: LightMyRequestResponse) =>
  (json<{ errors?: { path: string }[] }>(res).errors ?? []).map((e) => e.path).sort();

/** A 400 or 422 naming exactly these fields, and nothing written. */
export function expectFields(res: LightMyRequestResponse, status: 400 | 422 | 409, fields: string[]) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(paths(res)).toEqual([...fields].sort());
}

/** The audit events about one record, oldest first (read by the test app's admin). */
export const auditOf = async (t: TestApp, entityType: string, entityId: string) =>
  json<{ items: AuditEvent[] }>(
    await t.admin.get(`/api/v1/audit?entityType=${entityType}&entityId=${entityId}&order=asc&limit=200`),
  ).items;
