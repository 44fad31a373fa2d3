import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '../../domain/common/schemas';

export type FieldError = { path: string; message: string };

/** An error that becomes an RFC 9457 problem+json response as it is. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: {
      code?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      /** RFC 9457 extension members; the route's response schema for the status must declare them */
      members?: Record<string, unknown>;
    } = {},
  ) {
    super(detail ?? title);
  }
  toJSON(): Problem {
    return {
      ...this.extra.members,
      type: 'about:blank',
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.extra.code ? { code: this.extra.code } : {}),
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', detail, { errors });
export const unprocessable = (detail: string, errors?: FieldError[], code?: string) =>
  new HttpProblem(422, 'Unprocessable Content', detail, { errors, code });
export const notFound = (what = 'Record') => new HttpProblem(404, 'Not Found', `${what} not found`);
export const forbidden = (detail = 'You are not allowed to do this', code?: string) =>
  new HttpProblem(403, 'Forbidden', detail, { code });
const UNAUTHENTICATED = {
  unauthenticated: 'Sign in first',
  session_expired: 'Your session has expired; sign in again',
  session_user_changed: 'Another user signed in on this browser; sign in again',
} as const;

export const unauthenticated = (code: keyof typeof UNAUTHENTICATED = 'unauthenticated') =>
  new HttpProblem(401, 'Unauthorized', UNAUTHENTICATED[code], { code });
export const conflict = (detail: string, code?: string) => new HttpProblem(409, 'Conflict', detail, { code });
export const staleVersion = () =>
  new HttpProblem(409, 'Conflict', 'This record was changed by someone else; reload it and try again', {
    code: 'stale_version',
  });

const PG_MESSAGES: Record<string, [number, string, string]> = {
  '23505': [409, 'Conflict', 'A record with the same unique value already exists'],
  '23503': [422, 'Unprocessable Content', 'A referenced record does not exist'],
  '23514': [422, 'Unprocessable Content', 'A value breaks a rule of this record'],
  '23P01': [409, 'Conflict', 'This overlaps an existing record'],
  '22P02': [400, 'Bad Request', 'A value has the wrong format'],
  '22001': [400, 'Bad Request', 'A value is too long'],
  '22003': [400, 'Bad Request', 'A number is out of range'],
  '22021': [400, 'Bad Request', 'A value holds characters that cannot be stored'],
  '22P05': [400, 'Bad Request', 'A value holds characters that cannot be stored'],
  '22007': [400, 'Bad Request', 'A date has the wrong format'],
  '22008': [400, 'Bad Request', 'A date is out of range'],
  '40001': [409, 'Conflict', 'A concurrent change got in first; try again'],
};

/** Unique constraints that stand for one field: their violation is reported on that field. */
const CONSTRAINT_FIELDS: Record<string, FieldError> = {
  users_username_uq: { path: 'username', message: 'Already taken' },
  organisations_name_uq: { path: 'name', message: 'An organisation with this name exists' },
  centres_name_uq: { path: 'name', message: 'A centre with this name exists' },
  supply_items_code_uq: { path: 'code', message: 'An item with this code exists' },
  stock_points_name_uq: { path: 'name', message: 'A stock point with this name exists' },
  projects_code_uq: { path: 'code', message: 'A project with this code exists' },
};

/** Constraints whose violation has a sentence of its own for the user. */
const CONSTRAINT_DETAIL: Record<string, [string, string]> = {
  episodes_one_open_uq: [
    'This person already has an open detention episode: record a transfer or release instead',
    'episode_already_open',
  ],
  episodes_no_overlap: ['These dates overlap another detention episode of this person', 'episode_overlap'],
  episodes_dates_ck: ['An episode cannot end before it starts', 'episode_dates'],
  headcounts_parts_ck: ['Men, women and children add up to more than the total', 'headcount_parts'],
};

function pgProblem(err: unknown): HttpProblem | null {
  let e: unknown = err;
  // drizzle wraps driver errors in `cause`
  for (let i = 0; i < 3 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && PG_MESSAGES[code]) {
      const [status, title, detail] = PG_MESSAGES[code];
      const constraint = (e as { constraint?: string }).constraint;
      const field = constraint ? CONSTRAINT_FIELDS[constraint] : undefined;
      const own = constraint ? CONSTRAINT_DETAIL[constraint] : undefined;
      if (own) return new HttpProblem(status, title, own[0], { code: own[1] });
      return new HttpProblem(status, title, detail, {
        code: constraint ? `constraint:${constraint}` : `pg:${code}`,
        ...(field ? { errors: [field] } : {}),
      });
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** `/name` → `name`, `/roles/0/role` → `roles.0.role` */
const toPath = (instancePath: string) => instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');

export function validationErrors(err: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(err)) {
    return (err.validation ?? []).map((v) => ({
      path: toPath(v.instancePath ?? ''),
      message: v.message ?? '',
    }));
  }
  return err.validation.flatMap((v) => {
    const params = v.params as { keys?: string[] } | undefined;
    const base = toPath(v.instancePath);
    if (v.keyword === 'unrecognized_keys' && params?.keys?.length) {
      return params.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'Unknown field' }));
    }
    return [{ path: base || '(root)', message: v.message ?? 'Invalid value' }];
  });
}

export function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  const fe = err as FastifyError;
  if (fe && (fe.validation || hasZodFastifySchemaValidationErrors(fe))) {
    const where = fe.validationContext ?? 'request';
    return badRequest(`The ${where} is not valid`, validationErrors(fe));
  }
  const pgp = pgProblem(err);
  if (pgp) return pgp;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own client errors: bad JSON, body too large, wrong content type…
    return new HttpProblem(fe.statusCode, titleFor(fe.statusCode), fe.message.replace(/^[A-Z_]+: /, ''), {
      code: fe.code,
    });
  }
  return new HttpProblem(
    500,
    'Internal Server Error',
    'Something went wrong on the server; it has been logged',
  );
}

function titleFor(status: number): string {
  return (
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      405: 'Method Not Allowed',
      406: 'Not Acceptable',
      409: 'Conflict',
      413: 'Content Too Large',
      415: 'Unsupported Media Type',
      422: 'Unprocessable Content',
      429: 'Too Many Requests',
    }[status] ?? 'Error'
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const problem = toProblem(err);
    if (problem.status >= 500 || isResponseSerializationError(err)) req.log.error({ err }, 'request failed');
    for (const [k, v] of Object.entries(problem.extra.headers ?? {})) reply.header(k, v);
    return reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
  });
}

export const noRoute = (method: string, url: string) =>
  new HttpProblem(404, 'Not Found', `No route for ${method} ${url.split('?')[0]}`);
