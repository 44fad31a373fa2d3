import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../api/client.ts';
import { type FieldErrors, serverErrors, zodErrors } from './fieldErrors.ts';

/**
 * Minimal form state: values, field errors, and the last request-level error.
 * `validate` runs a shared Zod schema; `fail` places a server answer's field errors.
 */
export function useFormState<V extends Record<string, unknown>>(initial: V) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestError, setRequestError] = useState<unknown>(null);

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => {
      const key = String(field);
      if (!Object.keys(e).some((k) => k === key || k.startsWith(`${key}.`))) return e;
      return Object.fromEntries(Object.entries(e).filter(([k]) => k !== key && !k.startsWith(`${key}.`)));
    });
  }, []);

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, payload: unknown, extra: FieldErrors = {}): z.output<S> | null => {
      setRequestError(null);
      const result = schema.safeParse(payload);
      const found = { ...(result.success ? {} : zodErrors(result.error.issues, t)), ...extra };
      setErrors(found);
      return result.success && Object.keys(found).length === 0 ? result.data : null;
    },
    [t],
  );

  const fail = useCallback(
    (error: unknown) => {
      setRequestError(error);
      if (error instanceof ApiError && error.errors.length > 0) setErrors(serverErrors(error.errors, t));
    },
    [t],
  );

  /** Props for a Mantine text-like input bound to a string field. */
  const text = <K extends keyof V>(field: K) => ({
    value: (values[field] ?? '') as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(field, e.currentTarget.value as V[K]),
    error: errors[String(field)],
  });

  return {
    values,
    setValues,
    set,
    errors,
    setErrors,
    validate,
    fail,
    text,
    requestError,
    setRequestError,
  };
}
