import { describe, expect, it } from 'vitest';
import { localName, namesFor } from './BilingualName.tsx';

const unhcr = {
  name: 'UNHCR Libya',
  nameAr: 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين',
  nameFr: 'HCR Libye',
};

describe('names of centres and organisations by language', () => {
  it('goes by the Arabic name in Arabic and the French one in French, the shared name beneath', () => {
    expect(namesFor(unhcr, 'ar')).toEqual({ first: unhcr.nameAr, firstLang: 'ar', second: unhcr.name });
    expect(namesFor(unhcr, 'fr')).toEqual({ first: unhcr.nameFr, firstLang: 'fr', second: unhcr.name });
    expect(namesFor(unhcr, 'en')).toEqual({ first: unhcr.name, second: unhcr.nameAr, secondLang: 'ar' });
  });

  it('falls back to the shared name where there is no name in the language', () => {
    expect(localName({ name: 'Abu Salim' }, 'ar')).toBe('Abu Salim');
    expect(localName({ name: 'Abu Salim', nameAr: 'أبو سليم' }, 'fr')).toBe('Abu Salim');
    expect(namesFor({ name: 'Abu Salim', nameAr: 'أبو سليم' }, 'fr').second).toBe('أبو سليم');
  });
});
