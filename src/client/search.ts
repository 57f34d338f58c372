/**
 * The search page's client: reads ?q= and the filters from the address, runs the
 * search loop (src/lib/search/run.ts) with the downloads it needs — name-index files
 * over fetch, the traditional-character dictionary, Pagefind's full-text index
 * (loaded at run time from /pagefind/pagefind.js, never bundled) — and renders an
 * ordered list of links.
 */
import { bundleFile, bundlesFor, tableFile, type ActiveFilters, type NameIndexTable } from '../lib/search/name-index.ts';
import { containsAllParts, planQuery, type Attempt } from '../lib/search/query.ts';
import { runSearch, type ResultItem, type SearchOutcome, type TextResults } from '../lib/search/run.ts';

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
}

type Item = ResultItem;

const FILTERS = ['region', 'kind', 'stage', 'type'] as const;
type FilterName = (typeof FILTERS)[number];
interface State {
  q: string;
  filters: Partial<Record<FilterName, string>>;
}

/** Results shown at a time. */
const BATCH = 10;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('search-q');
const status = $('search-status');
const resultsSection = $('search-results-section');
const resultsHeading = $('search-results-heading');
const list = $<HTMLOListElement>('search-results');
const more = $<HTMLButtonElement>('search-more');
const ambiguous = $('search-ambiguous');
const closeNote = $('search-close');
const empty = $('search-empty');
const emptyHeading = $('search-empty-heading');
const emptyFilters = $('search-empty-filters');
const clearFilters = $<HTMLAnchorElement>('search-clear-filters');
const start = $('search-start');
const base = form.dataset.base ?? '/';
const pagefindPath = form.dataset.pagefind ?? '/pagefind/pagefind.js';
const namesPath = form.dataset.names ?? '/search-index/';

// ---------------------------------------------------------------------------
// The name index

const files = new Map<string, Promise<unknown>>();
/** One index file: gzip-compressed JSON, unless the server has already unpacked it. */
function indexFile<T>(name: string): Promise<T> {
  let file = files.get(name);
  if (!file) {
    file = fetch(`${namesPath}${name}.idx`).then(async (res) => {
      if (!res.ok) throw new Error(`${name}.idx: HTTP ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
      const text = gzipped
        ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
        : new TextDecoder().decode(bytes);
      return JSON.parse(text) as unknown;
    });
    file.catch(() => files.delete(name)); // a failed download is tried again next time
    files.set(name, file);
  }
  return file as Promise<T>;
}

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
    const entry = data.get(f); // a string: the form has no file inputs
    const v = typeof entry === 'string' ? entry.trim() : '';
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
  for (const f of FILTERS) if (state.filters[f]) params.set(f, state.filters[f]);
  const qs = params.toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}`;
}

const filterLabel = (state: State): string => {
  const parts: string[] = [];
  for (const f of FILTERS) {
    const select = form.elements.namedItem(f) as HTMLSelectElement | null;
    if (state.filters[f] && select) parts.push(select.selectedOptions[0]?.textContent?.trim() ?? state.filters[f]);
  }
  return parts.length > 0 ? `（筛选：${parts.join('、')}）` : '';
};

// ---------------------------------------------------------------------------
// Turning Pagefind hits into results

/** The word that opens a record's block on a page with several (SearchMeta.astro). */
const BLOCK_WORD = /\bqb[0-9a-z]+\b/g;
const stripTokens = (text: string) =>
  text
    .replace(BLOCK_WORD, '')
    .replace(/<[^>]*>/g, '')
    .replace(/[\u200b]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** One page can hold several records (the glossary): one item per record block. */
function itemsOf(data: PagefindData): Item[] {
  const words = data.content.match(BLOCK_WORD) ?? [];
  if (words.length === 0) {
    const lines = ['l1', 'l2', 'l3'].flatMap((k) => (data.meta[k] ? [data.meta[k]] : []));
    if (lines.length === 0 && data.excerpt) lines.push(stripTokens(data.excerpt));
    return [{ url: data.url, title: data.meta.title ?? data.url, kind: data.meta.kind ?? '', lines }];
  }
  const anchors = new Map<string, PagefindAnchor>();
  for (const a of data.anchors ?? []) if (a.id.startsWith('search-')) anchors.set(`qb${a.id.slice(7).replace(/[^a-z0-9]/g, '')}`, a);
  const items: Item[] = [];
  for (const w of words) {
    const anchor = anchors.get(w);
    if (!anchor) continue;
    const [title = '', ...lines] = (anchor.title ?? '').split('｜');
    items.push({ url: `${data.url.split('#')[0]!}#${anchor.id.slice(7)}`, title, kind: '术语', lines });
  }
  return items;
}

async function textBatch(attempt: Attempt, hits: PagefindHit[], from: number, count: number): Promise<Item[]> {
  const batch = hits.slice(from, from + count);
  const datas = await Promise.all(batch.map((h) => h.data()));
  const out: Item[] = [];
  for (const d of datas) {
    // Every word of the query must be on the page: Pagefind drops words it cannot find.
    if (!containsAllParts(d.content, attempt.parts)) continue;
    const items = itemsOf(d);
    const blocks = items.filter((it) => it.kind === '术语');
    const inBlocks = blocks.filter((it) => containsAllParts([it.title, ...it.lines].join(''), attempt.parts));
    if (blocks.length > 0 && inBlocks.length > 0) out.push(...inBlocks);
    else if (blocks.length > 0) out.push({ url: d.url, title: '术语表', kind: '术语', lines: d.excerpt ? [stripTokens(d.excerpt)] : [] });
    else out.push(...items);
  }
  return out;
}

/** The full-text fallback: Pagefind over the pages' prose (null when no hit holds every word). */
async function fullText(attempt: Attempt, filters: ActiveFilters): Promise<TextResults | null> {
  const pf = await loadPagefind();
  const res = await pf.search(attempt.pagefindQuery, { filters });
  if (res.results.length === 0) return null;
  const first = await textBatch(attempt, res.results, 0, BATCH);
  if (first.length === 0) return null;
  return {
    total: res.results.length,
    next: (from, count) => (from === 0 && count === BATCH ? Promise.resolve(first) : textBatch(attempt, res.results, from, count)),
  };
}

/** Name-index urls are site paths without the base path (Pagefind's have it already). */
const withBase = (items: Item[]): Item[] =>
  items.map((it) => ({ ...it, url: it.url.startsWith('/') ? `${base}${it.url.slice(1)}` : it.url }));

/** The traditional-character dictionary, fetched only for a query that may need it. */
let simplifier: Promise<unknown> | undefined;
const loadSimplifier = () => (simplifier ??= import('../lib/search/simplify.ts'));
/** The list of traditional characters (10 kB), so a simplified query never downloads the dictionary. */
let traditionalList: Promise<typeof import('../lib/search/traditional.ts')> | undefined;
const mayBeTraditional = async (text: string) =>
  (await (traditionalList ??= import('../lib/search/traditional.ts'))).mayBeTraditional(text);
/** The common characters' pinyin (10 kB), fetched only when a Chinese query matches no name as typed. */
let pinyinTable: Promise<unknown> | undefined;
const loadPinyin = () => (pinyinTable ??= import('../lib/search/pinyin-table.ts'));

// ---------------------------------------------------------------------------
// Rendering

/**
 * Renders results; those from position `exact` on are close matches, marked as such;
 * with `sound`, those before it matched by sound (a homophone, 模糊音), marked so.
 */
function renderItems(items: Item[], append: boolean, exact: number, sound = false): HTMLAnchorElement | null {
  if (!append) list.replaceChildren();
  let first: HTMLAnchorElement | null = null;
  for (const [i, it] of items.entries()) {
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
    if (sound && i < exact) {
      li.classList.add('search-result--sound');
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = '按读音匹配';
      li.append(' ', badge);
    }
    if (i >= exact) {
      li.classList.add('search-result--close');
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = '相近';
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

/** The search being shown: its outcome, and how many of its results are on screen. */
let shown: { outcome: SearchOutcome; loaded: number; items: number } | null = null;
let generation = 0;

/** The next batch of an outcome's results, links with the base path. */
async function batch(outcome: SearchOutcome, from: number): Promise<Item[]> {
  const items = await outcome.next(from, BATCH);
  return outcome.how === 'text' ? items : withBase(items);
}

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
  let result: SearchOutcome | null;
  let items: Item[];
  try {
    result = await runSearch(state.q, state.filters, { indexFile, loadSimplifier, mayBeTraditional, loadPinyin, fullText, isStale });
    items = result ? await batch(result, 0) : [];
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
  shown = { outcome: result, loaded: Math.min(BATCH, result.total), items: items.length };
  const n = items.length;
  const { setAside } = result.plan;
  const asked = setAside.length > 0 ? `（略去了“${setAside.join('”“')}”）` : '';
  if (n === 0) {
    resultsSection.hidden = true;
    empty.hidden = false;
    emptyFilters.hidden = !filtered;
    clearFilters.href = urlFor({ q: state.q, filters: {} });
    const crowded = result.crowded ? '这个名称很常见，只在最相符的一部分里找过：加上地名或写全名称再试。' : '';
    status.textContent = `没有找到与“${state.q}”相符的结果${asked}${filterLabel(state)}。${crowded}`;
    form.dataset.state = 'empty';
    if (focus) emptyHeading.focus();
  } else {
    empty.hidden = true;
    resultsSection.hidden = false;
    renderItems(items, false, result.exact, result.how === 'sound');
    const remaining = result.total - shown.loaded;
    more.hidden = remaining <= 0;
    const how =
      result.how === 'text'
        ? '（没有名称相符的记录，以下是正文里提到这些字的页面）'
        : result.attempt?.kind === 'words'
          ? '（同时含有各个词）'
          : '';
    const crowded = result.crowded ? '这个名称很常见，只列出最相符的一部分：加上地名或写全名称可以找到其余的。' : '';
    const count = result.how === 'exact+close' || result.how === 'sound' ? result.exact : n;
    const plus = remaining > 0 && result.how !== 'exact+close' && result.how !== 'sound' ? '+' : '';
    // A name not in the data: say so first; what follows are only candidates, each marked close.
    status.textContent =
      result.how === 'close'
        ? `没有找到名称是“${state.q}”的记录${asked}${filterLabel(state)}，以下 ${n}${remaining > 0 ? '+' : ''} 条是接近的结果。${crowded}`
        : result.how === 'sound'
          ? `没有找到名称是“${state.q}”的记录，按读音匹配到 ${count} 条${asked}${filterLabel(state)}。${crowded}`
          : `找到 ${count}${plus} 条与“${state.q}”相符的结果${how}${asked}${filterLabel(state)}。${crowded}`;
    closeNote.hidden = result.how !== 'close' && result.how !== 'exact+close' && result.how !== 'sound';
    closeNote.textContent =
      result.how === 'close'
        ? '没有完全相同的名称，以下是相近的结果。'
        : result.how === 'exact+close'
          ? `前 ${result.exact} 条名称相符；标有“相近”的是名称相近的结果。`
          : result.how === 'sound'
            ? `前 ${result.exact} 条按读音匹配（同音字、平翘舌或前后鼻音等），请核对名称${result.total > result.exact ? '；标有“相近”的是名称相近的结果' : ''}。`
            : '';
    ambiguous.hidden = !result.ambiguous;
    ambiguous.textContent = result.ambiguous ? `“${state.q}”对应不止一条记录，请根据所在地区、学段或类别确认。` : '';
    form.dataset.state = 'done';
    if (focus) resultsHeading.focus();
  }
  list.dataset.ms = String(Math.round(performance.now()));
}

/** The next batch of the current results. A failed download says so and leaves the button to try again. */
let loadingMore = false; // (not more.disabled: a disabled button would drop the keyboard focus)
async function showMore(): Promise<void> {
  if (!shown || loadingMore) return;
  const current = shown;
  loadingMore = true;
  let items: Item[];
  try {
    items = await batch(current.outcome, current.loaded);
  } catch (err) {
    if (shown !== current) return;
    console.error(err);
    status.textContent = '更多结果没有加载成功，请稍后再按“显示更多结果”重试。';
    return;
  } finally {
    loadingMore = false;
  }
  if (shown !== current) return;
  const from = current.loaded;
  current.loaded = Math.min(current.outcome.total, current.loaded + BATCH);
  current.items += items.length;
  const first = renderItems(items, true, current.outcome.exact - from, current.outcome.how === 'sound');
  more.hidden = current.loaded >= current.outcome.total;
  status.textContent = `已显示 ${current.items} 条结果。`;
  (first ?? resultsHeading).focus();
}
more.addEventListener('click', () => void showMore());

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
  // Fetch the first attempt's bundles while the reader is still typing.
  const first = planQuery(input.value).attempts[0];
  if (first && first.kind !== 'text') {
    void (async () => {
      const table = await indexFile<NameIndexTable>(tableFile());
      await Promise.all(bundlesFor(table, first.keys).map((name) => (name ? indexFile(bundleFile(name)) : Promise.resolve(undefined))));
    })().catch(() => undefined);
  }
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
