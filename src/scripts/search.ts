/**
 * The search page's client: reads ?q= and the filters from the address, asks
 * Pagefind (loaded at run time from /pagefind/pagefind.js, never bundled) for the
 * key words the shared query module derives (src/lib/search/query.ts), re-orders
 * the hits by how exactly they match, and renders an ordered list of links.
 */
import { hasHan, hasSimplifier } from '../lib/search/normalize.ts';
import {
  planQuery,
  rankCandidates,
  isAmbiguous,
  containsAllParts,
  type Attempt,
  type Candidate,
  type QueryPlan,
} from '../lib/search/query.ts';

interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** The element's data-pagefind-title (SearchMeta sets "title｜line｜line" on a record block). */
  title?: string;
  location: number;
}
interface PagefindData {
  url: string;
  content: string;
  excerpt?: string;
  meta: Record<string, string | undefined>;
  anchors?: PagefindAnchor[];
}
interface PagefindHit {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindHit[];
}
interface PagefindModule {
  options: (opts: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string, opts?: { filters?: Record<string, string> }) => Promise<PagefindResponse>;
  preload: (term: string, opts?: { filters?: Record<string, string> }) => Promise<void>;
}

interface Item extends Candidate {
  url: string;
  title: string;
  kind: string;
  lines: string[];
}

const FILTERS = ['region', 'kind', 'stage', 'type'] as const;
type FilterName = (typeof FILTERS)[number];
interface State {
  q: string;
  filters: Partial<Record<FilterName, string>>;
}

/** Pagefind hits whose data is loaded per batch (one small fragment each). */
const BATCH = 10;
/**
 * When no hit of the first batch is an exact match (a name typed in part), Pagefind's
 * order says little, so this many hits are ranked before anything is shown.
 */
const PARTIAL_BATCH = 30;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('search-q');
const status = $('search-status');
const resultsSection = $('search-results-section');
const resultsHeading = $('search-results-heading');
const list = $<HTMLOListElement>('search-results');
const more = $<HTMLButtonElement>('search-more');
const ambiguous = $('search-ambiguous');
const empty = $('search-empty');
const emptyHeading = $('search-empty-heading');
const emptyFilters = $('search-empty-filters');
const clearFilters = $<HTMLAnchorElement>('search-clear-filters');
const start = $('search-start');
const base = form.dataset.base ?? '/';
const pagefindPath = form.dataset.pagefind ?? '/pagefind/pagefind.js';

let pagefind: Promise<PagefindModule> | undefined;
function loadPagefind(): Promise<PagefindModule> {
  pagefind ??= (import(/* @vite-ignore */ pagefindPath) as Promise<PagefindModule>).then(async (pf) => {
    await pf.options({
      baseUrl: base,
      // The index work is small; the worker would be one more 43 kB download.
      noWorker: true,
      // Key words decide, and an exact key far outranks a longer one that starts with it
      // (termSimilarity); long pages (groups with many members) are not penalised.
      ranking: { pageLength: 0, termSimilarity: 20, termFrequency: 0.5 },
    });
    await pf.init();
    return pf;
  });
  return pagefind;
}

function readState(): State {
  const params = new URLSearchParams(location.search);
  const filters: State['filters'] = {};
  for (const f of FILTERS) {
    const v = params.get(f)?.trim();
    if (v) filters[f] = v;
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

function stateFromForm(): State {
  const data = new FormData(form);
  const filters: State['filters'] = {};
  for (const f of FILTERS) {
    const v = String(data.get(f) ?? '').trim();
    if (v) filters[f] = v;
  }
  return { q: input.value.trim(), filters };
}

function writeForm(state: State): void {
  input.value = state.q;
  for (const f of FILTERS) {
    const select = form.elements.namedItem(f) as HTMLSelectElement | null;
    if (!select) continue;
    select.value = state.filters[f] ?? '';
    // An unknown value (an old link) falls back to "all".
    if (select.value !== (state.filters[f] ?? '')) {
      select.value = '';
      delete state.filters[f];
    }
  }
}

function urlFor(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FILTERS) if (state.filters[f]) params.set(f, state.filters[f]!);
  const qs = params.toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}`;
}

const filterLabel = (state: State): string => {
  const parts: string[] = [];
  for (const f of FILTERS) {
    const select = form.elements.namedItem(f) as HTMLSelectElement | null;
    if (state.filters[f] && select) parts.push(select.selectedOptions[0]?.textContent?.trim() ?? state.filters[f]!);
  }
  return parts.length > 0 ? `（筛选：${parts.join('、')}）` : '';
};

// ---------------------------------------------------------------------------
// Turning Pagefind hits into results

const TOKEN = /\bq[bzp][0-9a-z]+\b/g;
const stripTokens = (text: string) =>
  text
    .replace(TOKEN, '')
    .replace(/<[^>]*>/g, '')
    .replace(/[\u200b]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** One page can hold several records (the glossary): one item per record block. */
function itemsOf(data: PagefindData, score: number): Item[] {
  const words = data.content.match(TOKEN) ?? [];
  if (!words.some((w) => w.startsWith('qb'))) {
    const lines = ['l1', 'l2', 'l3'].flatMap((k) => (data.meta[k] ? [data.meta[k]!] : []));
    if (lines.length === 0 && data.excerpt) lines.push(stripTokens(data.excerpt));
    return [{ url: data.url, title: data.meta.title ?? data.url, kind: data.meta.kind ?? '', lines, tokens: words, score }];
  }
  const anchors = new Map<string, PagefindAnchor>();
  for (const a of data.anchors ?? []) if (a.id.startsWith('search-')) anchors.set(`qb${a.id.slice(7).replace(/[^a-z0-9]/g, '')}`, a);
  const items: Item[] = [];
  let current: Item | undefined;
  for (const w of words) {
    if (w.startsWith('qb')) {
      const anchor = anchors.get(w);
      current = undefined;
      if (!anchor) continue;
      const [title = '', ...lines] = (anchor.title ?? '').split('｜');
      const pageUrl = data.url.split('#')[0]!;
      current = { url: `${pageUrl}#${anchor.id.slice(7)}`, title, kind: '术语', lines, tokens: [], score };
      items.push(current);
    } else if (current) {
      current.tokens.push(w);
    }
  }
  return items;
}

interface Outcome {
  attempt: Attempt;
  hits: PagefindHit[];
  items: Item[];
  loaded: number;
  ambiguous: boolean;
}

/** A batch of hits for a key attempt, best match first; hits that do not match every key are dropped. */
async function keyBatch(
  attempt: Attempt,
  hits: PagefindHit[],
  from: number,
  size = BATCH,
): Promise<{ items: Item[]; ambiguous: boolean; loaded: number }> {
  const load = async (start: number, end: number) => {
    const batch = hits.slice(start, end);
    const datas = await Promise.all(batch.map((h) => h.data()));
    return datas.flatMap((d, i) => itemsOf(d, batch[i]!.score));
  };
  const items = await load(from, from + size);
  let ranked = rankCandidates(attempt.keys, items);
  let loaded = Math.min(hits.length, from + size);
  if (from === 0 && ranked[0] && !ranked[0].match.exact && hits.length > loaded) {
    items.push(...(await load(loaded, PARTIAL_BATCH)));
    ranked = rankCandidates(attempt.keys, items);
    loaded = Math.min(hits.length, PARTIAL_BATCH);
  }
  return { items: ranked.map((r) => r.item), ambiguous: isAmbiguous(ranked), loaded };
}

async function textBatch(attempt: Attempt, hits: PagefindHit[], from: number): Promise<Item[]> {
  const batch = hits.slice(from, from + BATCH);
  const datas = await Promise.all(batch.map((h) => h.data()));
  const out: Item[] = [];
  datas.forEach((d, i) => {
    // Every word of the query must be on the page: Pagefind drops words it cannot find.
    if (!containsAllParts(d.content, attempt.parts)) return;
    const items = itemsOf(d, batch[i]!.score);
    const blocks = items.filter((it) => it.kind === '术语');
    const inBlocks = blocks.filter((it) => containsAllParts([it.title, ...it.lines].join(''), attempt.parts));
    if (blocks.length > 0 && inBlocks.length > 0) out.push(...inBlocks);
    else if (blocks.length > 0)
      out.push({
        url: d.url,
        title: '术语表',
        kind: '术语',
        lines: d.excerpt ? [stripTokens(d.excerpt)] : [],
        tokens: [],
        score: batch[i]!.score,
      });
    else out.push(...items);
  });
  return out;
}

/** The traditional-character dictionary, fetched only for a query that may need it. */
let simplifier: Promise<unknown> | undefined;
const loadSimplifier = () => (simplifier ??= import('../lib/search/simplify.ts'));
/** A Chinese query that found nothing as typed may be in traditional characters. */
const mayBeTraditional = (plan: QueryPlan) => hasHan(plan.folded) && !hasSimplifier();

async function runAttempts(state: State, isStale: () => boolean): Promise<Outcome | null> {
  const pf = await loadPagefind();
  const filters = state.filters as Record<string, string>;
  const tried = new Set<string>();
  let plan = planQuery(state.q);
  for (;;) {
    for (const attempt of plan.attempts) {
      if (tried.has(attempt.pagefindQuery)) continue;
      // Convert 經八路 to 经八路 before falling back to full text.
      if (attempt.kind === 'text' && mayBeTraditional(plan)) break;
      tried.add(attempt.pagefindQuery);
      const res = await pf.search(attempt.pagefindQuery, { filters });
      if (isStale()) return null;
      if (res.results.length === 0) continue;
      const { items, ambiguous, loaded } =
        attempt.kind === 'text'
          ? { items: await textBatch(attempt, res.results, 0), ambiguous: false, loaded: Math.min(BATCH, res.results.length) }
          : await keyBatch(attempt, res.results, 0);
      if (isStale()) return null;
      if (items.length === 0) continue;
      return { attempt, hits: res.results, items, loaded, ambiguous };
    }
    if (!mayBeTraditional(plan)) break;
    await loadSimplifier();
    if (isStale()) return null;
    plan = planQuery(state.q);
  }
  return { attempt: plan.attempts[0]!, hits: [], items: [], loaded: 0, ambiguous: false };
}

// ---------------------------------------------------------------------------
// Rendering

function renderItems(items: Item[], append: boolean): HTMLAnchorElement | null {
  if (!append) list.replaceChildren();
  let first: HTMLAnchorElement | null = null;
  for (const it of items) {
    const li = document.createElement('li');
    li.className = 'search-result';
    const a = document.createElement('a');
    a.className = 'search-result__title';
    a.href = it.url;
    a.textContent = it.title;
    li.append(a);
    if (it.kind) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = it.kind;
      li.append(' ', badge);
    }
    if (it.lines.length > 0) {
      const p = document.createElement('p');
      p.className = 'search-result__lines';
      it.lines.forEach((line, i) => {
        if (i > 0) p.append(document.createElement('br'));
        p.append(line);
      });
      li.append(p);
    }
    list.append(li);
    first ??= a;
  }
  return first;
}

let outcome: Outcome | null = null;
let generation = 0;

async function search(state: State, { focus }: { focus: boolean }): Promise<void> {
  const mine = ++generation;
  const isStale = () => mine !== generation;
  const filtered = Object.keys(state.filters).length > 0;
  start.hidden = state.q !== '';
  if (!state.q) {
    resultsSection.hidden = true;
    empty.hidden = true;
    status.textContent = filtered ? '请输入要找的名称。' : '';
    form.dataset.state = 'idle';
    return;
  }
  form.dataset.state = 'searching';
  status.textContent = `正在搜索“${state.q}”…`;
  let result: Outcome | null;
  try {
    result = await runAttempts(state, isStale);
  } catch (err) {
    if (isStale()) return;
    console.error(err);
    resultsSection.hidden = true;
    empty.hidden = true;
    status.textContent = '搜索索引没有加载成功，请稍后重试；也可以按“地区”浏览各地的学校名单。';
    form.dataset.state = 'error';
    return;
  }
  if (!result || isStale()) return;
  outcome = result;
  const n = result.items.length;
  if (n === 0) {
    resultsSection.hidden = true;
    empty.hidden = false;
    emptyFilters.hidden = !filtered;
    clearFilters.href = urlFor({ q: state.q, filters: {} });
    status.textContent = `没有找到与“${state.q}”相符的结果${filterLabel(state)}。`;
    form.dataset.state = 'empty';
    if (focus) emptyHeading.focus();
  } else {
    empty.hidden = true;
    resultsSection.hidden = false;
    renderItems(result.items, false);
    const remaining = result.hits.length - result.loaded;
    more.hidden = remaining <= 0;
    const how =
      result.attempt.kind === 'text'
        ? '（没有名称相符的记录，以下是正文里提到这些字的页面）'
        : result.attempt.kind === 'words'
          ? '（同时含有各个词）'
          : '';
    status.textContent = `找到 ${n}${remaining > 0 ? '+' : ''} 条与“${state.q}”相符的结果${how}${filterLabel(state)}。`;
    ambiguous.hidden = !result.ambiguous;
    ambiguous.textContent = result.ambiguous ? `“${state.q}”对应不止一条记录，请根据所在地区、学段或类别确认。` : '';
    form.dataset.state = 'done';
    if (focus) resultsHeading.focus();
  }
  list.dataset.ms = String(Math.round(performance.now()));
}

more.addEventListener('click', async () => {
  if (!outcome) return;
  const current = outcome;
  const items =
    current.attempt.kind === 'text'
      ? await textBatch(current.attempt, current.hits, current.loaded)
      : (await keyBatch(current.attempt, current.hits, current.loaded)).items;
  if (outcome !== current) return;
  current.loaded = Math.min(current.hits.length, current.loaded + BATCH);
  current.items.push(...items);
  const first = renderItems(items, true);
  more.hidden = current.loaded >= current.hits.length;
  status.textContent = `已显示 ${current.items.length} 条结果。`;
  (first ?? resultsHeading).focus();
});

// ---------------------------------------------------------------------------
// Wiring

let typingTimer: ReturnType<typeof setTimeout> | undefined;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  const state = stateFromForm();
  history.pushState(null, '', urlFor(state));
  void search(state, { focus: true });
});

for (const f of FILTERS) {
  (form.elements.namedItem(f) as HTMLSelectElement | null)?.addEventListener('change', () => {
    const state = stateFromForm();
    history.replaceState(null, '', urlFor(state));
    void search(state, { focus: false });
  });
}

// Results appear while typing; the address follows without adding history entries.
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  const first = planQuery(input.value).attempts[0];
  if (first)
    void loadPagefind().then((pf) => pf.preload(first.pagefindQuery, { filters: stateFromForm().filters as Record<string, string> }));
  typingTimer = setTimeout(() => {
    const state = stateFromForm();
    history.replaceState(null, '', urlFor(state));
    void search(state, { focus: false });
  }, 350);
});

// Arrow keys move between the box and the results; Escape goes back to the box.
input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown') {
    const first = list.querySelector<HTMLAnchorElement>('a');
    if (first && !resultsSection.hidden) {
      event.preventDefault();
      first.focus();
    }
  }
});
list.addEventListener('keydown', (event) => {
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a.search-result__title')];
  const i = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (i < 0) return;
  if (event.key === 'ArrowDown' && i < links.length - 1) {
    event.preventDefault();
    links[i + 1]!.focus();
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    (i > 0 ? links[i - 1]! : input).focus();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    input.focus();
  }
});

window.addEventListener('popstate', () => {
  const state = readState();
  writeForm(state);
  void search(state, { focus: false });
});

const initial = readState();
writeForm(initial);
if (initial.q) void search(initial, { focus: false });
else form.dataset.state = 'idle';
