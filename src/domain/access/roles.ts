// Roles, data categories and the access matrix of DESIGN §5, as data.
// The server's policy layer reads this; the web app never does (it reads allowedActions).

export const ROLES = [
  'admin',
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'counsellor',
  'stock_officer',
  'return_officer',
  'monitor',
  'partner_focal_point',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORIES = [
  'identity',
  'protection',
  'medical',
  'mhpss',
  'assistance',
  'stock',
  'returns',
  'partners',
  'reporting',
  'administration',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** r = read, w = write (implies read), f = sees that flags exist only, o = read own organisation's only */
export type Access = 'rw' | 'r' | 'f' | 'o' | '-';

type Row = Record<Role, Access>;
const row = (
  values: [Access, Access, Access, Access, Access, Access, Access, Access, Access, Access, Access, Access],
): Row => Object.fromEntries(ROLES.map((role, i) => [role, values[i]])) as Row;

//                                    admin mgr   cw    po    doc   nurse couns stock ret   mon   pfp   viewer
export const ACCESS: Record<Category, Row> = {
  identity: row(['rw', 'r', 'rw', 'rw', 'r', 'rw', 'r', '-', 'r', '-', '-', '-']),
  protection: row(['-', 'r', 'rw', 'rw', 'f', 'f', 'f', '-', 'r', '-', '-', '-']),
  medical: row(['-', '-', '-', '-', 'rw', 'rw', '-', '-', 'f', '-', '-', '-']),
  mhpss: row(['-', '-', '-', '-', '-', '-', 'rw', '-', '-', '-', '-', '-']),
  assistance: row(['-', 'r', 'rw', 'r', 'r', 'rw', '-', 'rw', 'r', '-', '-', '-']),
  stock: row(['-', 'r', 'r', '-', 'r', 'rw', '-', 'rw', '-', '-', '-', '-']),
  returns: row(['-', 'r', 'r', 'rw', 'f', 'f', '-', '-', 'rw', '-', '-', '-']),
  partners: row(['rw', 'rw', '-', '-', '-', '-', '-', '-', '-', 'rw', 'o', '-']),
  reporting: row(['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
  administration: row(['rw', 'r', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-']),
};

export const canRead = (a: Access): boolean => a === 'r' || a === 'rw' || a === 'o';
export const canWrite = (a: Access): boolean => a === 'rw';
export const seesFlags = (a: Access): boolean => a !== '-';

/** Categories holding personal data: a role with none of these reads no one's record. */
export const PERSONAL_CATEGORIES: readonly Category[] = [
  'identity',
  'protection',
  'medical',
  'mhpss',
  'assistance',
  'returns',
];

/** Roles that must enrol a second factor before doing anything else. */
export const TOTP_REQUIRED_ROLES: readonly Role[] = ['admin'];
