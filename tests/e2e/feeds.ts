/** Reads an Atom feed of the built site with a feed parser and follows every link in it. */
import { parseFeed } from '@rowanmanning/feed-parser';
import { expect } from 'vitest';

/** The site's absolute URLs (SITE_URL) mapped onto the server under test. */
const onServer = (base: string, href: string) => {
  const u = new URL(href);
  return `${base}${u.pathname}${u.search}`;
};

export interface FollowedFeed {
  title: string | null;
  entries: { title: string | null; url: string; links: string[] }[];
}

export async function readAndFollowFeed(base: string, path: string): Promise<FollowedFeed> {
  const res = await fetch(`${base}${path}`);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type') ?? '').toMatch(/xml/);
  const feed = parseFeed(await res.text());
  expect(feed.meta.type).toBe('atom');
  const entries: FollowedFeed['entries'] = [];
  const pages = new Map<string, string>();
  const page = async (href: string) => {
    const target = onServer(base, href);
    if (!pages.has(target)) {
      const r = await fetch(target);
      expect(r.status, `${href}（来自 ${path}）`).toBe(200);
      pages.set(target, await r.text());
    }
    return pages.get(target)!;
  };
  for (const item of feed.items) {
    expect(item.url, `${path} 的条目没有链接`).toBeTruthy();
    const html = await page(item.url!);
    const anchor = new URL(item.url!).hash.slice(1);
    if (anchor) expect(html, `${item.url} 的锚点`).toContain(`id="${anchor}"`);
    const links = [...(item.content ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    for (const href of links) {
      const body = await page(href);
      const hash = new URL(href).hash.slice(1);
      if (hash) expect(body, `${href} 的锚点`).toContain(`id="${decodeURIComponent(hash)}"`);
    }
    entries.push({ title: item.title, url: item.url!, links });
  }
  return { title: feed.title, entries };
}
