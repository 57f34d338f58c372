/**
 * Loading a built page in Chromium (playwright-core) and recording what a
 * reader would never see: requests to other origins, failed same-origin
 * requests, console errors, uncaught exceptions, CSP violations, dialogs
 * (alert/confirm/prompt) and horizontal overflow. Plus axe-core at WCAG 2.1 AA.
 *
 * "JavaScript off" is emulated by rewriting each HTML document before the
 * browser sees it: executable <script> elements are removed and <noscript>
 * unwrapped, which is what a browser with scripting disabled renders. (axe-core
 * itself needs scripting and timers, so Chromium's own switch cannot be used.)
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Signals {
  foreign: string[];
  failed: string[];
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  dialogs: string[];
}

export const emptySignals = (): Signals => ({ foreign: [], failed: [], consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [] });

export function signalProblems(s: Signals): string[] {
  return [
    ...s.foreign.map((u) => `请求了其他来源：${u}`),
    ...s.failed.map((u) => `站内请求失败：${u}`),
    ...s.consoleErrors.map((m) => `控制台错误：${m}`),
    ...s.pageErrors.map((m) => `未捕获的异常：${m}`),
    ...s.cspViolations.map((m) => `CSP 违规：${m}`),
    ...s.dialogs.map((m) => `弹出了对话框：${m}`),
  ];
}

export interface ContextOptions {
  width: number;
  height?: number;
  javaScript: boolean;
}

/** Executable scripts removed and <noscript> unwrapped: the page as rendered without JavaScript. */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (whole, attrs: string) => {
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? '';
      return /^(|text\/javascript|application\/javascript|module)$/i.test(type) ? '' : whole;
    })
    .replace(/<\/?noscript\b[^>]*>/gi, '')
    .replace(/<link\b[^>]*rel=["']?modulepreload[^>]*>/gi, '');
}

// Runs in the page before its own scripts; CSP does not apply to it.
const INIT = `(() => {
  const v = (window.__qualityCsp = []);
  document.addEventListener('securitypolicyviolation', (e) => {
    v.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : '') + (e.sample ? ' «' + e.sample + '»' : ''));
  }, true);
})();`;

export async function newContext(browser: Browser, opts: ContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height ?? 800 },
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
  await context.addInitScript(INIT);
  if (!opts.javaScript) {
    await context.route('**/*', async (route) => {
      const req = route.request();
      if (req.resourceType() === 'script') return route.abort('blockedbyclient');
      if (req.resourceType() !== 'document') return route.continue();
      const res = await route.fetch();
      const type = res.headers()['content-type'] ?? '';
      if (!type.includes('html')) return route.fulfill({ response: res });
      return route.fulfill({ response: res, body: withoutScripts(await res.text()) });
    });
  }
  return context;
}

/**
 * One page, reused for many addresses (a new page per address costs more than
 * the checks): every signal is recorded from the first request of each visit.
 */
export class Probe {
  signals: Signals = emptySignals();
  private inflight = new Set<unknown>();
  private expectStatus = 200;
  private constructor(
    readonly page: Page,
    private readonly origin: string,
  ) {
    const own = (u: string) => new URL(u).origin === this.origin;
    page.on('request', (req) => {
      this.inflight.add(req);
      const u = new URL(req.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return;
      if (!own(req.url())) this.signals.foreign.push(req.url());
    });
    page.on('requestfinished', (req) => this.inflight.delete(req));
    page.on('response', (res) => {
      const req = res.request();
      const isDocument = req.isNavigationRequest() && req.frame() === page.mainFrame();
      if (res.status() >= 400 && own(res.url()) && !(isDocument && res.status() === this.expectStatus))
        this.signals.failed.push(`${res.status()} ${res.url()}`);
    });
    page.on('requestfailed', (req) => {
      this.inflight.delete(req);
      // Blocked: our own JavaScript-off route; aborted: the page cancelled a fetch it no longer needs.
      const error = req.failure()?.errorText ?? '';
      if (own(req.url()) && error !== 'net::ERR_BLOCKED_BY_CLIENT' && error !== 'net::ERR_ABORTED')
        this.signals.failed.push(`${error} ${req.url()}`);
    });
    page.on('console', (m) => {
      // "Failed to load resource" repeats a failed response, which is judged above.
      if ((m.type() === 'error' || m.type() === 'assert') && !m.text().startsWith('Failed to load resource:'))
        this.signals.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.signals.pageErrors.push(e.message));
    page.on('dialog', (d) => {
      this.signals.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
  }

  static async open(context: BrowserContext, origin: string): Promise<Probe> {
    return new Probe(await context.newPage(), new URL(origin).origin);
  }

  /** Navigates to `url` and waits for the load event and for the network to settle. */
  async visit(url: string, expectStatus = 200): Promise<{ status: number | undefined; signals: Signals }> {
    this.signals = emptySignals();
    this.inflight.clear();
    this.expectStatus = expectStatus;
    const res = await this.page.goto(url, { waitUntil: 'load' });
    // Scripts may fetch more after load (search index, chart data): wait until
    // nothing is in flight for a moment, without networkidle's fixed 500 ms.
    for (let quiet = 0, waited = 0; quiet < 2 && waited < 5000; waited += 50) {
      await this.page.waitForTimeout(50);
      quiet = this.inflight.size === 0 ? quiet + 1 : 0;
    }
    await collectCsp(this.page, this.signals);
    return { status: res?.status(), signals: this.signals };
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** A few probes shared by concurrent checks: one page per core keeps the browser busy while the test waits. */
export class ProbePool {
  private free: Probe[] = [];
  private waiting: ((p: Probe) => void)[] = [];

  static async open(context: BrowserContext, origin: string, size: number): Promise<ProbePool> {
    const pool = new ProbePool();
    for (let i = 0; i < Math.max(1, size); i++) pool.free.push(await Probe.open(context, origin));
    return pool;
  }

  async use<T>(fn: (p: Probe) => Promise<T>): Promise<T> {
    const probe = this.free.pop() ?? (await new Promise<Probe>((resolve) => this.waiting.push(resolve)));
    try {
      return await fn(probe);
    } finally {
      const next = this.waiting.shift();
      if (next) next(probe);
      else this.free.push(probe);
    }
  }

  /** Runs `fn` on every item, as many at once as the pool has probes; results in item order. */
  map<T, R>(items: T[], fn: (probe: Probe, item: T) => Promise<R>): Promise<R[]> {
    return Promise.all(items.map((item) => this.use((probe) => fn(probe, item))));
  }
}

/** Pages checked at once (QUALITY_PARALLEL, default 2: one per core of the CI machine). */
export const PARALLEL = Math.max(1, Number(process.env.QUALITY_PARALLEL ?? 2));

/** Moves CSP violations recorded in the page into `signals`. */
export async function collectCsp(page: Page, signals: Signals): Promise<void> {
  const found = await page.evaluate(() => {
    const w = window as unknown as { __qualityCsp?: string[] };
    return (w.__qualityCsp ?? []).splice(0);
  });
  signals.cspViolations.push(...found);
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

export async function axe(page: Page): Promise<AxeViolation[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

export function formatAxe(v: AxeViolation[]): string {
  return v.map((x) => `${x.id}（${x.impact}）${x.help}：${x.targets.join('、')}`).join('\n');
}

/**
 * Pixels the page scrolls sideways (0 when the layout fits the viewport), and
 * the elements to blame: boxes that reach past the right edge, and boxes whose
 * content spills out of them (long unbroken text, wide tables) visibly.
 */
export async function horizontalOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const px = doc.scrollWidth - doc.clientWidth;
    const culprits = new Set<string>();
    if (px > 0) {
      const describe = (el: Element, why: string) =>
        `${el.localName}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}（${why}）`;
      const edge = doc.clientWidth + 1;
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (culprits.size >= 5) break;
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        const parentRight = el.parentElement?.getBoundingClientRect().right ?? 0;
        if (r.right > edge && parentRight <= edge) culprits.add(describe(el, `右边缘 ${Math.round(r.right)}px`));
        else if (
          el.scrollWidth > el.clientWidth + 1 &&
          el.clientWidth > 0 &&
          getComputedStyle(el).overflowX === 'visible' &&
          r.left + el.scrollWidth > edge
        )
          culprits.add(describe(el, `内容宽 ${el.scrollWidth}px，盒子宽 ${el.clientWidth}px`));
      }
    }
    return { px, culprits: [...culprits] };
  });
}

/**
 * Markup a hostile value could have produced: elements or attributes that
 * would run script, anywhere in the live DOM. Legitimate scripts carry no
 * "alert(", so this finds injection even where CSP stopped it from running.
 */
export async function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
        if (/^\s*javascript:/i.test(a.value) && /(href|src|action|data)$/i.test(a.name))
          found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
      }
      const dataBlock = el.localName === 'script' && /json/i.test(el.getAttribute('type') ?? '');
      if (el.localName === 'script' && !dataBlock && /alert\(/.test(el.textContent ?? ''))
        found.push(`<script>${(el.textContent ?? '').slice(0, 40)}</script>`);
      if ((el.localName === 'img' || el.localName === 'iframe') && el.getAttribute('src') === 'x') found.push(`<${el.localName} src="x">`);
    }
    return found;
  });
}

export interface FocusState {
  /** A short description of the focused element ("body" when nothing is). */
  element: string;
  tag: string;
  /** An outline, box-shadow or (SVG) stroke shows where focus is. */
  indicated: boolean;
  /** Fully or partly inside the viewport. */
  inView: boolean;
}

export async function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & SVGElement) | null;
    if (!el || el === document.body) return { element: 'body', tag: 'body', indicated: true, inView: true };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const stroke = el instanceof SVGElement && cs.stroke !== 'none' && parseFloat(cs.strokeWidth) > 0 && cs.strokeOpacity !== '0';
    const r = el.getBoundingClientRect();
    const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
    const tag = el.localName;
    return { element: `<${tag}${el.id ? `#${el.id}` : ''}> ${text}`, tag, indicated: outline || shadow || stroke, inView };
  });
}

/**
 * Presses Tab until `matches` (a CSS selector) has focus, checking on the way
 * that every focused element shows where focus is. Returns the stops made.
 */
export async function tabTo(page: Page, matches: string, maxStops = 80): Promise<{ reached: boolean; stops: FocusState[] }> {
  const stops: FocusState[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    stops.push(state);
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, matches)) return { reached: true, stops };
  }
  return { reached: false, stops };
}
