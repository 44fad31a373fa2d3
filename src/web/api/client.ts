// The one way the web app talks to the server: same-origin fetch, CSRF header on writes,
// RFC 9457 problem+json errors turned into a typed ApiError. A request that finds its session
// gone waits for the user to sign in again on the same page, then is sent again (reauth.ts), so
// no form in any module loses what was typed.

import { noteReachable } from './connectivity.ts';
import { reauthenticate } from './reauth.ts';
import { noteSessionHeaders } from './session.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly errors: FieldProblem[];

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    code?: string;
    errors?: FieldProblem[];
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code;
    this.errors = init.errors ?? [];
  }
}

/** The request never reached the server, or its answer could not be read. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network error', { cause });
    this.name = 'NetworkError';
  }
}

export const isApiError = (e: unknown, status?: number): e is ApiError =>
  e instanceof ApiError && (status === undefined || e.status === status);

const SESSION_CODES = new Set(['session_expired', 'unauthenticated', 'session_user_changed']);
/** the server wants a step done first (e.g. an administrator reset this user's second factor) */
const FORCED_STEP_CODES = new Set(['totp_enrolment_required', 'password_change_required']);

let signedIn = false;
let signedInUserId: string | null = null;
let sessionExpiredHandler: (() => void) | null = null;
let otherUserHandler: (() => void) | null = null;
let forcedStepHandler: (() => void) | null = null;

/** Called by the auth layer once /me has succeeded (true, with the user's id) or after sign-out (false). */
export function setSignedIn(value: boolean, userId?: string): void {
  signedIn = value;
  signedInUserId = value ? (userId ?? signedInUserId) : null;
}

/** The session is gone and cannot be restored on this page: go to the sign-in page. */
export function onSessionExpired(handler: () => void): void {
  sessionExpiredHandler = handler;
}

/** Someone else signed in meanwhile: nothing typed for the previous user is sent; leave the page. */
export function onSignedInAsOtherUser(handler: () => void): void {
  otherUserHandler = handler;
}

/** The code of the error a request fails with when another user signed in before it was sent again. */
export const OTHER_USER_CODE = 'signed_in_as_other_user';
/** a request is sent again after at most this many sign-ins (each may fail to stick, e.g. cookies off) */
const MAX_REAUTH = 3;

export function onForcedStep(handler: () => void): void {
  forcedStepHandler = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** on POST: a retry with the same key returns the first result instead of creating twice */
  idempotencyKey?: string;
  /** false: a lost session fails at once, and any user's session will do (the sign-in's own requests) */
  reauth?: boolean;
  /** what the answer may be (a file for downloads) */
  accept?: string;
}

/** the header naming the user this page belongs to: refused if the session is now someone else's */
export const EXPECTED_USER_HEADER = 'Sanad-User';

/** 128 random bits as hex; getRandomValues works over plain HTTP too (randomUUID does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function asFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e) =>
    e && typeof e === 'object' && typeof e.message === 'string'
      ? [{ path: typeof e.path === 'string' ? e.path : '', message: e.message }]
      : [],
  );
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: keep the HTTP status only
  }
  return new ApiError({
    status: typeof body.status === 'number' ? body.status : res.status,
    title: typeof body.title === 'string' ? body.title : res.statusText || `HTTP ${res.status}`,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    code: typeof body.code === 'string' ? body.code : undefined,
    errors: asFieldProblems(body.errors),
  });
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json, application/problem+json',
  };
  const writes = method !== 'GET' && method !== 'HEAD';
  if (writes) {
    headers['X-Requested-With'] = 'sanad';
    headers['Content-Type'] = 'application/json';
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (signedIn && signedInUserId && options.reauth !== false) headers[EXPECTED_USER_HEADER] = signedInUserId;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: writes ? JSON.stringify(options.body ?? {}) : undefined,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    noteReachable(false);
    throw new NetworkError(e);
  }
  noteReachable(true);
  noteSessionHeaders(res.headers);
  return res;
}

/**
 * After a 401 for a lost session: true to send the request again (the same user signed in in
 * the dialog), else throws (no dialog, the user gave up, or another user is now signed in).
 */
async function recover(error: ApiError, attempt: number): Promise<true> {
  const waiting = attempt < MAX_REAUTH ? reauthenticate() : null;
  if (!waiting) {
    signedIn = false;
    sessionExpiredHandler?.();
    throw error;
  }
  const who = await waiting;
  if (who === null) throw error;
  if (who !== signedInUserId) {
    otherUserHandler?.();
    throw new ApiError({ status: 401, title: 'Unauthorized', code: OTHER_USER_CODE });
  }
  return true;
}

/** Sends the request, and again after the user signed in anew when it met a lost session. */
async function answer(method: string, path: string, options: RequestOptions): Promise<Response> {
  let res = await send(method, path, options);
  for (let attempt = 0; !res.ok; attempt++) {
    const error = await toApiError(res);
    const lost = error.status === 401 && signedIn && !!error.code && SESSION_CODES.has(error.code);
    if (lost && options.reauth !== false) {
      await recover(error, attempt);
      res = await send(method, path, options);
      continue;
    }
    if (error.status === 403 && error.code && FORCED_STEP_CODES.has(error.code)) forcedStepHandler?.();
    throw error;
  }
  return res;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await answer(method, path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new NetworkError(e);
  }
}

/** A file the server builds (e.g. a referral packet): its bytes, type and suggested name. */
export interface Download {
  blob: Blob;
  contentType: string;
  filename: string | null;
}

async function download(path: string, query?: Query): Promise<Download> {
  const res = await answer('GET', path, { query, accept: '*/*' });
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
  return { blob: await res.blob(), contentType: res.headers.get('content-type') ?? '', filename: name };
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) =>
    request<T>('POST', path, { body, idempotencyKey }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  download,
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
