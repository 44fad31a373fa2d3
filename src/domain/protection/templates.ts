import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_V1 } from './default-template';
import type { ScreeningTemplate } from './template';

// Every template version ever used stays here: a stored screening names its key and version,
// and must be read with exactly that template. Add a new version; never edit an old one.

export const SCREENING_TEMPLATES: readonly ScreeningTemplate[] = [DEFAULT_TEMPLATE_V1, DEFAULT_TEMPLATE];

export const DEFAULT_TEMPLATE_KEY = DEFAULT_TEMPLATE.key;

/** The template with this key and version, or its latest version when none is given. */
export function findTemplate(key: string, version?: number): ScreeningTemplate | undefined {
  const versions = SCREENING_TEMPLATES.filter((t) => t.key === key);
  if (version !== undefined) return versions.find((t) => t.version === version);
  return versions.reduce<ScreeningTemplate | undefined>(
    (latest, t) => (!latest || t.version > latest.version ? t : latest),
    undefined,
  );
}
