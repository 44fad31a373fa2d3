// The enums whose labels live in src/domain (one table per enum, the same words as the server's
// exports and packets), merged into a bundle's strings under the keys the pages use
// (`t(\`person.sexes.${sex}\`)`). Each bundle names its tables in `bundles/<bundle>/labels.ts`;
// the JSON files do not repeat them.
import type { LabelTable } from '../../domain/common/labels.ts';
import type { Locale } from '../../domain/common/schemas.ts';

export type Tree = { [k: string]: string | Tree };

/** Where each table goes in the strings: the key of its subtree (supplies.units). */
export type LabelTables = Readonly<Record<string, LabelTable>>;

/** A copy of one language's strings with the tables put in at their keys. */
export function withLabels<R extends object>(resources: R, tables: LabelTables, locale: Locale): R {
  const out = structuredClone(resources) as unknown as Tree;
  for (const [path, table] of Object.entries(tables)) {
    let node = out;
    for (const part of path.split('.')) {
      if (typeof node[part] !== 'object') node[part] = {};
      node = node[part] as Tree;
    }
    for (const [code, text] of Object.entries(table)) node[code] = text[locale];
  }
  return out as unknown as R;
}
