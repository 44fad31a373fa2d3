// The shape of one nationality's names in the demo name books (demo-names.ts, demo-names-west.ts);
// its own file so the books import it without importing each other.

export interface NameBook {
  /** ISO 3166-1 alpha-3 */
  nationality: string;
  /** relative share of the caseload */
  weight: number;
  /** share of adults who are women */
  women: number;
  /** share of records that carry the name in its original script (when every part has one) */
  script: number;
  /** probability that the family name is two names (father's and grandfather's) */
  twoPart: number;
  /** children carry their father's given name as their family name (Arab, Horn naming) */
  patronymic: boolean;
  /** ISO 639 language sets, one picked per person */
  languages: string[][];
  /** country calling code for home phone numbers */
  dial: string;
  /** shares of people holding a passport, a national ID */
  passport: number;
  nationalId: number;
  /** a name often written before the given name (Md, Mohammad in Bangladesh) and how often */
  prefix?: string;
  prefixShare?: number;
  male: string;
  female: string;
  family: string;
}
