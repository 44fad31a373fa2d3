import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { centreCreate, userCreate } from '../../../domain/directory/schemas.ts';
import { registration } from '../../../domain/registry/schemas.ts';
import { normalisePath, serverErrors, unplacedErrors, zodErrors } from './fieldErrors.ts';

// echoes the key and its options, so the tests see which message was chosen
const t = ((key: string, opts?: Record<string, unknown>) =>
  opts ? `${key}(${JSON.stringify(opts)})` : key) as unknown as TFunction;

describe('field errors', () => {
  it('normalises server and Zod paths alike', () => {
    expect(normalisePath('/roles/0/centreIds')).toBe('roles.0.centreIds');
    expect(normalisePath('body.roles[1].role')).toBe('roles.1.role');
    expect(normalisePath(['roles', 0, 'role'])).toBe('roles.0.role');
  });

  it('maps shared-schema issues to translated messages per field', () => {
    const r = centreCreate.safeParse({ name: '', type: 'prison', capacity: -1 });
    expect(r.success).toBe(false);
    const errors = zodErrors(r.error!.issues, t);
    expect(errors.name).toBe('validation.required');
    expect(errors.type).toBe('validation.choose');
    expect(errors.capacity).toContain('validation.tooSmall');
  });

  it('translates implausible dates by the key the shared date helpers name', () => {
    const r = registration.safeParse({ birthDate: '9999-12-31', admittedOn: '0001-01-01' });
    const errors = zodErrors(r.error!.issues, t);
    expect(errors.birthDate).toBe('validation.dateTooLate');
    expect(errors.admittedOn).toBe('validation.dateTooEarly');
  });

  it('keeps a schema’s own hint after the translated label', () => {
    const r = userCreate.safeParse({
      username: 'Bad Name!',
      displayName: 'x',
      organisationId: '0190c0de-0000-7000-8000-000000000000',
      password: 'short',
      roles: [{ role: 'caseworker', centreIds: [] }],
    });
    const errors = zodErrors(r.error!.issues, t);
    expect(errors.username).toBe('validation.format — Use letters, digits, dot, dash or underscore');
    expect(errors.password).toContain('validation.tooShort');
  });

  it('shows server messages as they are, after a translated label', () => {
    const errors = serverErrors([{ path: 'name', message: 'An organisation with this name exists' }], t);
    expect(errors.name).toBe('validation.server: An organisation with this name exists');
  });

  it('lists errors of fields the form does not show', () => {
    expect(unplacedErrors({ name: 'x', version: 'y', _form: 'z' }, ['name'])).toEqual(['version: y', 'z']);
  });
});
