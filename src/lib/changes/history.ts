/**
 * The public change log of the data: from the revisions of data/ and content/,
 * oldest first, each record added, changed (which fields), ended (a group's
 * `ended` or a membership's `left` filled in) or removed, with the day of the
 * commit, grouped by day. A revision carries only the files it changed, and for
 * a CSV whose header stayed the same only the records that changed (git's own
 * line diff); just those are parsed and matched by key. Names for labels come from
 * id maps kept up to date change by change, so the cost follows the size of the
 * changes, not the size of the tables times the number of commits. Pure: the site
 * glue reads git and passes text and bytes in.
 */
import { csvDatasetNames, csvDatasets, laterColumns, type CsvDatasetName } from '../schemas/index.ts';
import { decodeUtf8 } from '../csv/read-csv.ts';
import { diffDocs, diffRows, keyColumns, readDoc, readTable, type MdxDoc, type Row } from './diff.ts';

/**
 * How a file changed in one revision: the whole file before and after (created,
 * deleted, header changed, or a change the line diff cannot show record by record),
 * or, for a CSV whose header stayed the same, just the raw records removed and added.
 * For MDX only `after` is read (null when deleted).
 */
type FileChange = { before: Uint8Array | null; after: Uint8Array | null } | { removed: string[]; added: string[] };

export interface Revision {
  commit: string;
  /** Commit day (ISO), from the commit, never from the clock. */
  day: string;
  /** Commit time, ISO 8601 with offset. */
  time: string;
  subject: string;
  /** The files this revision changed under data/ and content/. */
  files: Map<string, FileChange>;
}

export type ChangeKind = CsvDatasetName | 'policies' | 'groupProfiles';
export type ChangeAction = 'added' | 'changed' | 'ended' | 'removed';

export const changeKindLabels: Record<ChangeKind, string> = {
  regions: '地区',
  schools: '学校',
  groups: '集团',
  memberships: '成员关系',
  statistics: '统计数字',
  designations: '认定',
  sources: '来源',
  metrics: '指标',
  terms: '术语',
  policies: '政策',
  groupProfiles: '集团简介',
};
export const changeActionLabels: Record<ChangeAction, string> = { added: '新增', changed: '修改', ended: '终止', removed: '删除' };

export interface RecordChange {
  kind: ChangeKind;
  action: ChangeAction;
  /** The record's identity: its id, or its key columns joined ("group/school"). */
  key: string;
  /** Who or what, in words: a name, a title, "school — group". */
  label: string;
  /** Changed columns or front-matter fields ("正文" for an MDX body). */
  fields: string[];
  /** The region the record belongs to, when it has one (for the per-province feeds). */
  region?: string;
  /** The id of the page that shows it: a group for a membership, a region for a figure. */
  page?: { kind: 'regions' | 'schools' | 'groups' | 'policies' | 'sources' | 'terms'; id: string };
}

interface CommitChanges {
  commit: string;
  day: string;
  time: string;
  subject: string;
  changes: RecordChange[];
  /** Files that could not be read at this revision: their changes are not listed. */
  unreadable: string[];
}

export interface ChangeDay {
  day: string;
  /** Latest commit time that day: the feed entry's "updated". */
  time: string;
  commits: CommitChanges[];
}

export interface ChangeLog {
  /** Newest day first. */
  days: ChangeDay[];
  /** region id → parent id, from every revision (latest wins): the province of any region ever seen. */
  regionParent: Map<string, string | undefined>;
}

const datasetByPath = new Map(csvDatasetNames.map((name) => [`data/${csvDatasets[name].file}`, name]));

/** Splits CSV text into records at line breaks outside quotes; blank lines dropped, BOM and CR removed. */
function splitRecords(text: string): { header: string; records: string[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if ((c === 10 && !quoted) || i === body.length) {
      const end = i > start && body.charCodeAt(i - 1) === 13 ? i - 1 : i;
      if (end > start) records.push(body.slice(start, end));
      start = i + 1;
    }
  }
  return { header: records.shift() ?? '', records };
}

/** Records only in `before` and only in `after` (as multisets), each in file order. */
function recordDiff(before: string[], after: string[]): { removed: string[]; added: string[] } {
  const count = new Map<string, number>();
  for (const r of before) count.set(r, (count.get(r) ?? 0) + 1);
  const added: string[] = [];
  for (const r of after) {
    const n = count.get(r) ?? 0;
    if (n > 0) count.set(r, n - 1);
    else added.push(r);
  }
  const removed: string[] = [];
  for (const r of before) {
    const n = count.get(r) ?? 0;
    if (n > 0) {
      removed.push(r);
      count.set(r, n - 1);
    }
  }
  return { removed, added };
}

const encoder = new TextEncoder();
const parseRecords = (path: string, header: string, records: string[], columns: string[], mayLack: readonly string[] = []) =>
  readTable(path, encoder.encode([header, ...records].join('\n')), columns, mayLack);

const text = (v: unknown) => (typeof v === 'string' ? v : '');

type Described = Pick<RecordChange, 'key' | 'label' | 'region' | 'page'>;

/** A table's rows removed and added in one revision, parsed. */
interface TableDiff {
  dataset: CsvDatasetName;
  removed: Row[];
  added: Row[];
}

/**
 * What the change log knows at a revision: each table's header and rows by id, the
 * MDX documents, the rows removed in this revision (which still name themselves and
 * what pointed at them), and every region's parent. Kept up to date change by change.
 */
class ChangeTracker {
  readonly regionParent = new Map<string, string | undefined>();
  private readonly header = new Map<CsvDatasetName, string>();
  private readonly byId = new Map<CsvDatasetName, Map<string, Row>>();
  private readonly docs = { policies: new Map<string, MdxDoc>(), groupProfiles: new Map<string, MdxDoc>() };
  private gone = new Map<CsvDatasetName, Map<string, Row>>();

  /** The record changes of one revision; files it could not read go to `unreadable`. */
  changesOf(rev: Revision, unreadable: string[]): RecordChange[] {
    const changes: RecordChange[] = [];
    // Tables first, so labels of rows added in this commit resolve (a new school's name in its membership).
    this.gone = new Map();
    const tableOrder = [...rev.files.keys()].filter((p) => datasetByPath.has(p)).sort();
    const diffs: TableDiff[] = [];
    for (const path of tableOrder) {
      const diff = this.readTableChange(path, rev.files.get(path)!);
      if (diff) diffs.push(diff);
      else unreadable.push(path);
    }
    for (const diff of diffs) changes.push(...this.tableChanges(diff));
    for (const [dir, kind] of [
      ['content/policies/', 'policies'],
      ['content/groups/', 'groupProfiles'],
    ] as const)
      changes.push(...this.docChanges(rev, dir, kind));
    return changes;
  }

  private idMap(dataset: CsvDatasetName): Map<string, Row> {
    let m = this.byId.get(dataset);
    if (!m) this.byId.set(dataset, (m = new Map<string, Row>()));
    return m;
  }

  /** The rows a table lost and gained in one revision, with the id maps updated; undefined when unreadable. */
  private readTableChange(path: string, change: FileChange): TableDiff | undefined {
    const dataset = datasetByPath.get(path)!;
    const columns = Object.keys(csvDatasets[dataset].schema.shape);
    let before = this.header.get(dataset) ?? '';
    let after = before;
    let removedRecords: string[];
    let addedRecords: string[];
    if ('removed' in change) {
      removedRecords = change.removed;
      addedRecords = change.added;
    } else {
      const decode = (bytes: Uint8Array | null) => (bytes ? decodeUtf8(path, bytes) : { text: '' });
      const old = decode(change.before);
      const next = decode(change.after);
      if ('problem' in next) return undefined;
      const a = splitRecords('text' in old ? old.text : '');
      const b = splitRecords(next.text);
      before = a.header;
      after = b.header;
      // A new header compares every record; otherwise only the records whose text changed.
      ({ removed: removedRecords, added: addedRecords } =
        a.header === b.header ? recordDiff(a.records, b.records) : { removed: a.records, added: b.records });
    }
    const added = after ? parseRecords(path, after, addedRecords, columns, laterColumns[dataset]) : { rows: [], complete: true };
    if (!added.complete) return undefined;
    const removed = before ? parseRecords(path, before, removedRecords, columns, laterColumns[dataset]).rows : [];
    this.header.set(dataset, after);
    if ('id' in csvDatasets[dataset].schema.shape) {
      const m = this.idMap(dataset);
      const g = new Map<string, Row>();
      for (const r of removed) {
        g.set(r.id ?? '', r);
        m.delete(r.id ?? '');
      }
      for (const r of added.rows) m.set(r.id ?? '', r);
      this.gone.set(dataset, g);
    }
    if (dataset === 'regions') for (const r of added.rows) this.regionParent.set(r.id ?? '', r.parent || undefined);
    return { dataset, removed, added: added.rows };
  }

  private tableChanges({ dataset, removed, added }: TableDiff): RecordChange[] {
    const changes: RecordChange[] = [];
    const columns = Object.keys(csvDatasets[dataset].schema.shape);
    const d = diffRows(removed, added, keyColumns[dataset], columns);
    for (const r of d.added) changes.push({ kind: dataset, action: 'added', fields: [], ...this.describe(dataset, r) });
    for (const c of d.changed) {
      const ended =
        (dataset === 'groups' && !c.before.ended && !!c.after.ended) || (dataset === 'memberships' && !c.before.left && !!c.after.left);
      changes.push({ kind: dataset, action: ended ? 'ended' : 'changed', fields: c.columns, ...this.describe(dataset, c.after) });
    }
    for (const r of d.removed) changes.push({ kind: dataset, action: 'removed', fields: [], ...this.describe(dataset, r) });
    return changes;
  }

  private docChanges(rev: Revision, dir: string, kind: 'policies' | 'groupProfiles'): RecordChange[] {
    const paths = [...rev.files.keys()].filter((p) => p.startsWith(dir) && p.endsWith('.mdx')).sort();
    if (paths.length === 0) return [];
    const changes: RecordChange[] = [];
    const old = this.docs[kind];
    const next = new Map(old);
    for (const p of paths) {
      const change = rev.files.get(p)!;
      const bytes = 'after' in change ? change.after : null;
      const id = p.slice(dir.length, -'.mdx'.length);
      if (bytes) next.set(id, readDoc(p, bytes));
      else next.delete(id);
    }
    const scope = new Set(paths.map((p) => p.slice(dir.length, -'.mdx'.length)));
    const pick = (m: Map<string, MdxDoc>) => new Map([...m].filter(([id]) => scope.has(id)));
    const d = diffDocs(pick(old), pick(next));
    const describe = (id: string, doc: MdxDoc | undefined) => this.describeDoc(kind, id, doc);
    for (const id of d.added) changes.push({ kind, action: 'added', fields: [], ...describe(id, next.get(id)) });
    for (const c of d.changed) changes.push({ kind, action: 'changed', fields: c.fields, ...describe(c.id, next.get(c.id)) });
    for (const id of d.removed) changes.push({ kind, action: 'removed', fields: [], ...describe(id, old.get(id)) });
    this.docs[kind] = next;
    return changes;
  }

  private find(dataset: CsvDatasetName, id: string | undefined): Row | undefined {
    return id ? (this.idMap(dataset).get(id) ?? this.gone.get(dataset)?.get(id)) : undefined;
  }

  private nameOf(dataset: CsvDatasetName, id: string | undefined, field = 'name'): string {
    return this.find(dataset, id)?.[field] || id || '';
  }

  private groupRegion(id: string | undefined): string | undefined {
    return this.find('groups', id)?.region;
  }

  private describeDoc(kind: 'policies' | 'groupProfiles', id: string, doc: MdxDoc | undefined): Described {
    if (kind === 'policies') {
      const region = text(doc?.data?.region);
      return {
        key: id,
        label: text(doc?.data?.title) ? `《${text(doc?.data?.title)}》` : id,
        ...(region ? { region } : {}),
        page: { kind: 'policies', id },
      };
    }
    const group = text(doc?.data?.group) || id;
    const region = this.groupRegion(group);
    return { key: id, label: this.nameOf('groups', group), ...(region ? { region } : {}), page: { kind: 'groups', id: group } };
  }

  private describe(dataset: CsvDatasetName, r: Row): Described {
    switch (dataset) {
      case 'regions':
        return { key: r.id ?? '', label: r.name || r.id || '', ...(r.id ? { region: r.id, page: { kind: 'regions', id: r.id } } : {}) };
      case 'schools':
      case 'groups':
        return {
          key: r.id ?? '',
          label: r.name || r.id || '',
          ...(r.region ? { region: r.region } : {}),
          page: { kind: dataset, id: r.id ?? '' },
        };
      case 'memberships': {
        const region = this.groupRegion(r.group);
        return {
          key: `${r.group}/${r.school}`,
          label: `${this.nameOf('schools', r.school)} — ${this.nameOf('groups', r.group)}`,
          ...(region ? { region } : {}),
          page: { kind: 'groups', id: r.group ?? '' },
        };
      }
      case 'designations': {
        const region = this.groupRegion(r.group);
        return {
          key: `${r.group}/${r.title}`,
          label: `${this.nameOf('groups', r.group)}：${r.title ?? ''}`,
          ...(region ? { region } : {}),
          page: { kind: 'groups', id: r.group ?? '' },
        };
      }
      case 'statistics':
        return {
          key: `${r.region}/${r.metric}/${r.date}/${r.kind}`,
          label: `${this.nameOf('regions', r.region)} ${this.nameOf('metrics', r.metric)}（${r.date || '日期不详'}）`,
          ...(r.region ? { region: r.region, page: { kind: 'regions', id: r.region } } : {}),
        };
      case 'sources':
        return { key: r.id ?? '', label: r.title ? `《${r.title}》` : (r.id ?? ''), page: { kind: 'sources', id: r.id ?? '' } };
      case 'terms':
        return { key: r.id ?? '', label: r.term || r.id || '', page: { kind: 'terms', id: r.id ?? '' } };
      case 'metrics':
        return { key: r.id ?? '', label: r.name || r.id || '' };
    }
  }
}

/** Commits grouped by day, newest day first, each day's time its latest commit's. */
function byDayNewestFirst(commits: CommitChanges[]): ChangeDay[] {
  const byDay = new Map<string, CommitChanges[]>();
  for (const c of commits) {
    const list = byDay.get(c.day);
    if (list) list.push(c);
    else byDay.set(c.day, [c]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([day, list]) => ({
      day,
      time: list
        .map((c) => c.time)
        .sort()
        .at(-1)!,
      commits: list,
    }));
}

/** Builds the change log; revisions must be oldest first, each with the files it changed. */
export function buildChangeLog(revisions: Revision[]): ChangeLog {
  const tracker = new ChangeTracker();
  const commits: CommitChanges[] = [];
  for (const rev of revisions) {
    const unreadable: string[] = [];
    const changes = tracker.changesOf(rev, unreadable);
    if (changes.length > 0 || unreadable.length > 0)
      commits.push({ commit: rev.commit, day: rev.day, time: rev.time, subject: rev.subject, changes, unreadable });
  }
  return { days: byDayNewestFirst(commits), regionParent: tracker.regionParent };
}

/** The top-level region (province) of a region, through the parents ever recorded. */
export function provinceOf(log: ChangeLog, regionId: string | undefined): string | undefined {
  let current = regionId;
  const seen = new Set<string>();
  while (current && !seen.has(current)) {
    seen.add(current);
    const parent = log.regionParent.get(current);
    if (!parent) return current;
    current = parent;
  }
  return current;
}

const byProvince = new WeakMap<ChangeLog, Map<string, ChangeDay[]>>();

/** The log split by province in one pass (each region's province found once): what the per-province feeds read. */
function splitByProvince(log: ChangeLog): Map<string, ChangeDay[]> {
  const known = byProvince.get(log);
  if (known) return known;
  const provinceOfRegion = new Map<string, string | undefined>();
  const province = (region: string) => {
    if (!provinceOfRegion.has(region)) provinceOfRegion.set(region, provinceOf(log, region));
    return provinceOfRegion.get(region);
  };
  const out = new Map<string, ChangeDay[]>();
  for (const d of log.days) {
    const commits = new Map<string, CommitChanges[]>();
    for (const c of d.commits) {
      const split = new Map<string, RecordChange[]>();
      for (const x of c.changes) {
        const p = x.region === undefined ? undefined : province(x.region);
        if (p === undefined) continue;
        const list = split.get(p);
        if (list) list.push(x);
        else split.set(p, [x]);
      }
      for (const [p, changes] of split) {
        const list = commits.get(p);
        const entry = { ...c, changes, unreadable: [] };
        if (list) list.push(entry);
        else commits.set(p, [entry]);
      }
    }
    for (const [p, list] of commits) {
      const days = out.get(p);
      const day = {
        day: d.day,
        time: list
          .map((c) => c.time)
          .sort()
          .at(-1)!,
        commits: list,
      };
      if (days) days.push(day);
      else out.set(p, [day]);
    }
  }
  byProvince.set(log, out);
  return out;
}

/** The log restricted to the changes within one province (its region, cities and districts). */
export function changesInProvince(log: ChangeLog, provinceId: string): ChangeDay[] {
  return splitByProvince(log).get(provinceId) ?? [];
}

export interface DaySummary {
  counts: Record<ChangeAction, number>;
  /** Every change that day, by kind then action (commit order within). */
  byKind: { kind: ChangeKind; changes: RecordChange[] }[];
}

const kindOrder: ChangeKind[] = [
  'regions',
  'groups',
  'schools',
  'memberships',
  'statistics',
  'designations',
  'policies',
  'groupProfiles',
  'sources',
  'metrics',
  'terms',
];
const actionOrder: ChangeAction[] = ['added', 'changed', 'ended', 'removed'];

export function summarizeDay(day: ChangeDay): DaySummary {
  const all = day.commits.flatMap((c) => c.changes);
  const counts = { added: 0, changed: 0, ended: 0, removed: 0 };
  for (const c of all) counts[c.action]++;
  const byKind = kindOrder.flatMap((kind) => {
    const changes = all.filter((c) => c.kind === kind).sort((a, b) => actionOrder.indexOf(a.action) - actionOrder.indexOf(b.action));
    return changes.length > 0 ? [{ kind, changes }] : [];
  });
  return { counts, byKind };
}

/** One line per change: "新增 集团 郑州市第十九初级中学教育集团", "修改 学校 … ：name、aliases". */
export function changeLine(c: RecordChange): string {
  return `${changeActionLabels[c.action]}${changeKindLabels[c.kind]}：${c.label}${c.fields.length > 0 ? `（${c.fields.join('、')}）` : ''}`;
}
