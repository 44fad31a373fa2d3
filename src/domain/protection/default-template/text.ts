import type { LocalisedText } from '../flags';
import type { Condition } from '../template';

// Shorthands that keep the template data readable.

export const t = (en: string, ar: string, fr: string): LocalisedText => ({ en, ar, fr });

/** The answer to a yes/no question is yes. */
export const yes = (answer: string): Condition => ({ answer, equals: 'yes' });

/** A multi-choice answer includes the option. */
export const includes = (answer: string, option: string): Condition => ({ answer, includes: option });

export const any = (...conditions: Condition[]): Condition => ({ any: conditions });
export const all = (...conditions: Condition[]): Condition => ({ all: conditions });
