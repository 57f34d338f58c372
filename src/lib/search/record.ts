/**
 * One search record per school, group, region, policy and glossary term: what a
 * result shows without a click, the filters it can be narrowed by, and the key
 * tokens the name index files it under (keys.ts, name-index.ts). Pages with prose
 * also show title, lines and filters to Pagefind (SearchMeta.astro). Pure: no Astro, no DOM.
 */
import { formatFuzzyDateZh } from '../fuzzy-date.ts';
import type { Dataset } from '../data/dataset.ts';
import { groupMembers, indexDataset, isCurrent, regionAncestors, schoolHistory, type DatasetIndex } from '../data/queries.ts';
import { countUnits, groupCountSummary, regionDesignations, regionUnitCounts, unitCountWords } from '../data/editorial.ts';
import { membershipRoleLabels } from '../schemas/membership.ts';
import { regionLevelLabels } from '../schemas/region.ts';
import type { Region, TermKind } from '../schemas/index.ts';
import { memberCountWords } from '../views/marks.ts';
import { BLOCK_PREFIX } from './codes.ts';
import { buildTokens, regionShortName, type KeyOptions, type NameInput, type RegionLevel } from './keys.ts';

export const searchKinds = ['school', 'group', 'region', 'policy', 'term'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchKindLabels: Record<SearchKind, string> = {
  school: '学校',
  group: '集团',
  region: '地区',
  policy: '政策',
  term: '术语',
};

const termKindLabels: Record<TermKind, string> = {
  'group-type': '集团类型',
  'group-model': '组建模式',
  stage: '学段',
  concept: '概念',
};

export interface SearchFilters {
  /** The record kind (school, group …). */
  kind: string[];
  /** The record's region and every region above it (ids). */
  region: string[];
  /** Schools: the stage term id. */
  stage: string[];
  /** Groups: the group-type term id. */
  type: string[];
}

export interface SearchRecord {
  kind: SearchKind;
  id: string;
  /** Site path without the base path: /schools/<id>/, /glossary/#<id>. */
  url: string;
  title: string;
  kindLabel: string;
  /** One to three short lines a result shows under its title. */
  lines: string[];
  filters: SearchFilters;
  /** Key tokens for the name index, best tier first. */
  tokens: string[];
  /** Set for a record that shares its page with others (glossary terms): the word that marks its block for Pagefind. */
  block?: string;
}

const SEP = ' · ';
const clip = (text: string, max: number) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};
const also = (names: string[]) => (names.length > 0 ? `又称 ${names.join('、')}` : '');

/** What makes a record's key tokens from its names: buildTokens, or a stand-in that hands the work to another thread. */
export type KeyBuilder = (names: NameInput[], opts: KeyOptions) => string[];

interface Context {
  idx: DatasetIndex;
  chain: (regionId: string) => Region[];
  levels: (regionId: string) => RegionLevel[];
  path: (regionId: string) => string;
}

function contextFor(dataset: Dataset): Context {
  const idx = indexDataset(dataset);
  const chains = new Map<string, Region[]>();
  const chain = (id: string) => {
    let c = chains.get(id);
    if (!c) chains.set(id, (c = regionAncestors(idx, id)));
    return c;
  };
  const levels = (id: string): RegionLevel[] =>
    chain(id).map((r) => ({ level: r.level, names: [r.name, ...r.aliases], municipality: r.municipality }));
  const path = (id: string) =>
    chain(id)
      .map((r) => r.name)
      .join(' ');
  return { idx, chain, levels, path };
}

function schoolRecord(ctx: Context, id: string, keys: KeyBuilder): SearchRecord | undefined {
  const { idx } = ctx;
  const s = idx.school.get(id);
  if (!s) return undefined;
  const stage = idx.term.get(s.stage)?.term ?? s.stage;
  const parent = s.parent_school ? idx.school.get(s.parent_school) : undefined;
  const unit = s.unit === 'campus' ? '校区' : s.unit === 'division' ? '学部' : '';
  const memberships = schoolHistory(idx, s.id).filter(isCurrent);
  const groups = memberships.flatMap((m) => {
    const g = idx.group.get(m.group);
    const marks = [membershipRoleLabels[m.role], m.listed_as ? `集团称“${m.listed_as}”` : '', m.basis === 'inferred' ? '推断' : ''];
    return g ? [`${g.label}（${marks.filter(Boolean).join('，')}）`] : [];
  });
  const names: NameInput[] = [
    { text: s.name, tier: 9 },
    ...s.aliases.map((text): NameInput => ({ text, tier: 8 })),
    ...s.former_names.map((text): NameInput => ({ text, tier: 7 })),
  ];
  return {
    kind: 'school',
    id: s.id,
    url: `/schools/${s.id}/`,
    title: s.name,
    kindLabel: searchKindLabels.school,
    lines: [
      [ctx.path(s.region), stage, parent ? `${parent.name}的${unit || '分部'}` : ''].filter(Boolean).join(SEP),
      groups.length > 0 ? groups.join('；') : '暂无集团记录',
      [also(s.aliases), s.former_names.length > 0 ? `曾用名 ${s.former_names.join('、')}` : ''].filter(Boolean).join('；'),
    ].filter(Boolean),
    filters: { kind: ['school'], region: ctx.chain(s.region).map((r) => r.id), stage: [s.stage], type: [] },
    tokens: keys(names, { regions: ctx.levels(s.region), shortForms: true, regionPrefixed: true, parts: true, pinyin: true }),
  };
}

function groupRecord(ctx: Context, id: string, keys: KeyBuilder): SearchRecord | undefined {
  const { idx } = ctx;
  const g = idx.group.get(id);
  if (!g) return undefined;
  const { current } = groupMembers(idx, g.id);
  const leadRows = current.filter((m) => m.role === 'lead');
  const leads = leadRows.flatMap((m) => idx.school.get(m.school) ?? []);
  const inferredLead = leadRows.some((m) => m.basis === 'inferred');
  const type = idx.term.get(g.type)?.term ?? g.type;
  const stage = g.stage ? (idx.term.get(g.stage)?.term ?? g.stage) : '';
  const count = memberCountWords(g, current.length, unitCountWords(countUnits(current.flatMap((m) => idx.school.get(m.school) ?? []))));
  const names: NameInput[] = [{ text: g.label, tier: 9 }, ...g.aliases.map((text): NameInput => ({ text, tier: 8 }))];
  return {
    kind: 'group',
    id: g.id,
    url: `/groups/${g.id}/`,
    title: g.label,
    kindLabel: searchKindLabels.group,
    lines: [
      [ctx.path(g.region), type === '未说明' ? '' : type, stage].filter(Boolean).join(SEP),
      [leads.length > 0 ? `牵头校 ${leads.map((s) => s.name).join('、')}${inferredLead ? '（推断）' : ''}` : '牵头校不详', count].join(SEP),
      also(g.aliases),
    ].filter(Boolean),
    filters: { kind: ['group'], region: ctx.chain(g.region).map((r) => r.id), stage: [], type: [g.type] },
    tokens: keys(names, {
      regions: ctx.levels(g.region),
      shortForms: true,
      regionPrefixed: true,
      parts: true,
      pinyin: true,
      related: leads.map((s) => s.name),
    }),
  };
}

function regionRecord(ctx: Context, id: string, keys: KeyBuilder): SearchRecord | undefined {
  const { idx } = ctx;
  const r = idx.region.get(id);
  if (!r) return undefined;
  const above = ctx.chain(r.id).slice(0, -1);
  const short = regionShortName(r.name);
  // Titles the region holds (改革先行区): searching 先行区 finds the designated districts.
  const titles = [...new Set(regionDesignations(idx, r.id).map((d) => d.title))];
  const names: NameInput[] = [
    { text: r.name, tier: 9 },
    ...r.aliases.map((text): NameInput => ({ text, tier: 8 })),
    ...(short && !r.aliases.includes(short) ? [{ text: short, tier: 8 } as NameInput] : []),
    // A title and its tails of three or more characters (改革先行区, 先行区): keys match by prefix.
    ...titles.flatMap((t) => [...t].slice(0, -2).map((_, i): NameInput => ({ text: [...t].slice(i).join(''), tier: 6 }))),
  ];
  return {
    kind: 'region',
    id: r.id,
    url: `/regions/${r.id}/`,
    title: r.name,
    kindLabel: searchKindLabels.region,
    lines: [
      [r.municipality ? '直辖市' : regionLevelLabels[r.level], above.map((a) => a.name).join(' ')].filter(Boolean).join(SEP),
      [groupCountSummary(idx, r.id).words, unitCountWords(regionUnitCounts(idx, r.id), SEP)].join(SEP),
      ...(titles.length > 0 ? [clip(titles.join('、'), 60)] : []),
    ],
    filters: { kind: ['region'], region: ctx.chain(r.id).map((x) => x.id), stage: [], type: [] },
    tokens: keys(names, {
      regions: above.length > 0 ? ctx.levels(above[above.length - 1]!.id) : [],
      regionPrefixed: true,
      pinyin: true,
    }),
  };
}

function policyRecord(ctx: Context, id: string, keys: KeyBuilder): SearchRecord | undefined {
  const p = ctx.idx.data.policies.find((x) => x.id === id);
  if (!p) return undefined;
  const regionIds = new Set([p.region, ...p.regions].flatMap((r) => ctx.chain(r).map((x) => x.id)));
  return {
    kind: 'policy',
    id: p.id,
    url: `/policies/${p.id}/`,
    title: p.title,
    kindLabel: searchKindLabels.policy,
    lines: [[clip(p.issuer, 30), formatFuzzyDateZh(p.date.parsed)].join(SEP), clip(p.summary, 60)],
    filters: { kind: ['policy'], region: [...regionIds], stage: [], type: [] },
    tokens: keys([{ text: p.title, tier: 9 }], { regions: ctx.levels(p.region), parts: true }),
  };
}

function termRecord(ctx: Context, id: string, keys: KeyBuilder): SearchRecord | undefined {
  const t = ctx.idx.term.get(id);
  if (!t) return undefined;
  const names: NameInput[] = [{ text: t.term, tier: 9 }, ...t.aliases.map((text): NameInput => ({ text, tier: 8 }))];
  return {
    kind: 'term',
    id: t.id,
    url: `/glossary/#${t.id}`,
    title: t.term,
    kindLabel: searchKindLabels.term,
    lines: [[termKindLabels[t.kind], also(t.aliases)].filter(Boolean).join(SEP), clip(t.definition, 60)],
    filters: { kind: ['term'], region: [], stage: [], type: [] },
    tokens: keys(names, { regions: [], parts: true, pinyin: true }),
    block: blockWord(t.id),
  };
}

/** The marker word that opens a record's block on a shared page. */
const blockWord = (id: string) => BLOCK_PREFIX + id.replace(/[^a-z0-9]/g, '');

const builders: Record<SearchKind, (ctx: Context, id: string, keys: KeyBuilder) => SearchRecord | undefined> = {
  school: schoolRecord,
  group: groupRecord,
  region: regionRecord,
  policy: policyRecord,
  term: termRecord,
};

interface Cache {
  ctx: Context;
  records: Map<string, SearchRecord | null>;
}
const caches = new WeakMap<Dataset, Cache>();

function cacheFor(dataset: Dataset): Cache {
  let cache = caches.get(dataset);
  if (!cache) caches.set(dataset, (cache = { ctx: contextFor(dataset), records: new Map() }));
  return cache;
}

/**
 * The search record of one school, group, region, policy or term, built on first
 * use and kept with the dataset (a page build asks for one record per page).
 */
export function searchRecord(dataset: Dataset, kind: SearchKind, id: string): SearchRecord | undefined {
  const cache = cacheFor(dataset);
  const key = `${kind}/${id}`;
  let rec = cache.records.get(key);
  if (rec === undefined) cache.records.set(key, (rec = builders[kind](cache.ctx, id, buildTokens) ?? null));
  return rec ?? undefined;
}

/** Which records to build: every `parts`-th one from `part` (the benchmark measures such a sample). */
export interface RecordSlice {
  part: number;
  parts: number;
}

/**
 * Every search record of the dataset: schools, groups, regions, policies, terms; or one
 * slice of them, in the same order. One at a time and not kept with
 * the dataset (unlike searchRecord): the index build makes each record once, and sends
 * them on in batches rather than holding a second copy of them all. `keys` gives the
 * key builder for the record at each position (all records, not the slice's).
 */
export function* searchRecords(
  dataset: Dataset,
  slice: RecordSlice = { part: 0, parts: 1 },
  keys: (index: number) => KeyBuilder = () => buildTokens,
): Generator<SearchRecord> {
  const { ctx } = cacheFor(dataset);
  const ids: [SearchKind, string[]][] = [
    ['school', dataset.schools.map((s) => s.id)],
    ['group', dataset.groups.map((g) => g.id)],
    ['region', dataset.regions.map((r) => r.id)],
    ['policy', dataset.policies.map((p) => p.id)],
    ['term', dataset.terms.map((t) => t.id)],
  ];
  const all = ids.flatMap(([kind, list]) => list.map((id) => [kind, id] as const));
  for (let i = slice.part; i < all.length; i += slice.parts) {
    const [kind, id] = all[i]!;
    const record = builders[kind](ctx, id, keys(i));
    if (!record) throw new Error(`no search record for ${kind} ${id}`);
    yield record;
  }
}

/** searchRecords() as an array. */
export function buildSearchRecords(dataset: Dataset, slice: RecordSlice = { part: 0, parts: 1 }): SearchRecord[] {
  return [...searchRecords(dataset, slice)];
}
