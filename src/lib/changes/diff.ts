/**
 * Record-level differences between two states of data/ and content/: CSV rows
 * matched by their key (id, or group + school for a membership) as added, changed
 * (which columns) or removed; MDX documents by file name (which front-matter fields,
 * or the body). Used by the pull-request summary and by the site's change log.
 * Pure: bytes in, rows out.
 */
import { decodeUtf8, parseCsv } from '../csv/read-csv.ts';
import { csvDatasetNames, csvDatasets, laterColumns, type CsvDatasetName } from '../schemas/index.ts';
import { parseFrontmatter } from '../validate/frontmatter.ts';
import type { ProjectFiles } from '../validate/types.ts';

export type Row = Record<string, string>;

export interface MdxDoc {
  data: Record<string, unknown> | undefined;
  body: string;
}

/** One side of the comparison: raw rows (not validated, so nothing is hidden) and MDX files. */
export interface Snapshot {
  tables: Record<CsvDatasetName, Row[]>;
  /** Files that could not be read (bad encoding, bad header): their changes are not listed. */
  unreadable: Set<string>;
  policies: Map<string, MdxDoc>;
  profiles: Map<string, MdxDoc>;
}

/** One CSV file's rows as trimmed strings; complete is false when it could not be read in full. */
function readTable(
  path: string,
  bytes: Uint8Array,
  columns: string[],
  mayLack: readonly string[] = [],
): { rows: Row[]; complete: boolean } {
  const decoded = decodeUtf8(path, bytes);
  if ('problem' in decoded) return { rows: [], complete: false };
  const { table, problems } = parseCsv(path, decoded.text, columns, mayLack);
  const rows = table.rows.map((r) => Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.trim()])));
  return { rows, complete: problems.length === 0 };
}

/** One MDX file's front matter (undefined when unreadable) and body. */
export function readDoc(path: string, bytes: Uint8Array): MdxDoc {
  const decoded = decodeUtf8(path, bytes);
  const text = 'text' in decoded ? decoded.text : '';
  const fm = parseFrontmatter(text);
  const data = fm?.data && typeof fm.data === 'object' ? (fm.data as Record<string, unknown>) : undefined;
  return { data, body: fm ? fm.body : text };
}

export function snapshotOf(files: ProjectFiles): Snapshot {
  const tables = {} as Record<CsvDatasetName, Row[]>;
  const unreadable = new Set<string>();
  for (const name of csvDatasetNames) {
    const { file, schema } = csvDatasets[name];
    const path = `data/${file}`;
    const bytes = files.get(path);
    tables[name] = [];
    if (!bytes) continue;
    const read = readTable(path, bytes, Object.keys(schema.shape), laterColumns[name]);
    if (!read.complete) unreadable.add(path);
    tables[name] = read.rows;
  }
  const mdx = (dir: string) => {
    const out = new Map<string, MdxDoc>();
    for (const [path, bytes] of files) {
      if (!path.startsWith(`${dir}/`) || !path.endsWith('.mdx')) continue;
      out.set(path.slice(dir.length + 1, -'.mdx'.length), readDoc(path, bytes));
    }
    return out;
  };
  return { tables, unreadable, policies: mdx('content/policies'), profiles: mdx('content/groups') };
}

/** How rows are matched: by the first key, then (among rows still unmatched) by the next. */
export const keyColumns: Record<CsvDatasetName, string[][]> = {
  sources: [['id']],
  terms: [['id']],
  metrics: [['id']],
  regions: [['id']],
  schools: [['id']],
  groups: [['id']],
  // A corrected joined date is a change to the same membership, not a new one.
  memberships: [
    ['group', 'school', 'joined'],
    ['group', 'school'],
  ],
  designations: [
    ['group', 'region', 'level', 'title'],
    ['group', 'region', 'title'],
  ],
  statistics: [['region', 'metric', 'date', 'kind']],
};

export interface TableDiff {
  added: Row[];
  removed: Row[];
  changed: { before: Row; after: Row; columns: string[] }[];
}

export function diffRows(base: Row[], head: Row[], keys: string[][], columns: string[]): TableDiff {
  const position = new Map(base.map((r, i) => [r, i]));
  let restBase = [...base];
  let restHead = [...head];
  const pairs: [Row, Row][] = [];
  for (const cols of keys) {
    const key = (r: Row) => cols.map((c) => r[c] ?? '').join('\u0000');
    const queue = new Map<string, Row[]>();
    for (const r of restBase) {
      const list = queue.get(key(r));
      if (list) list.push(r);
      else queue.set(key(r), [r]);
    }
    const unmatchedHead: Row[] = [];
    for (const h of restHead) {
      const b = queue.get(key(h))?.shift();
      if (b) pairs.push([b, h]);
      else unmatchedHead.push(h);
    }
    restHead = unmatchedHead;
    restBase = [...queue.values()].flat();
    // keep base order stable for the report
    restBase.sort((a, b) => position.get(a)! - position.get(b)!);
  }
  const changed = pairs
    .map(([before, after]) => ({ before, after, columns: columns.filter((c) => (before[c] ?? '') !== (after[c] ?? '')) }))
    .filter((c) => c.columns.length > 0);
  return { added: restHead, removed: restBase, changed };
}

export interface DocDiff {
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
}

export function diffDocs(base: Map<string, MdxDoc>, head: Map<string, MdxDoc>): DocDiff {
  const out: DocDiff = { added: [], removed: [], changed: [] };
  for (const id of [...head.keys()].sort()) {
    const b = base.get(id);
    const h = head.get(id)!;
    if (!b) {
      out.added.push(id);
      continue;
    }
    const keys = [...new Set([...Object.keys(b.data ?? {}), ...Object.keys(h.data ?? {})])];
    const fields = keys.filter((k) => JSON.stringify(b.data?.[k]) !== JSON.stringify(h.data?.[k]));
    if (b.body.trim() !== h.body.trim()) fields.push('正文');
    if (fields.length > 0) out.changed.push({ id, fields });
  }
  for (const id of [...base.keys()].sort()) if (!head.has(id)) out.removed.push(id);
  return out;
}
