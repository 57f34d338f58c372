/**
 * A small, forgiving HTML tokenizer for the link and CSP checkers: start tags
 * with their attributes (entities decoded) and the text of inline <script> and
 * <style> elements. Comments are skipped; raw-text elements are not parsed
 * for tags. Enough for well-formed generated pages; the Nu checker judges validity.
 */

export interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Text content, for <script>, <style>, <textarea> and <title>. */
  text?: string;
  /** Offset of "<" in the source. */
  offset: number;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ent.toLowerCase()] ?? whole;
  });
}

const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function tokenize(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt + 1);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const m = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      i = lt + 1;
      continue;
    }
    const name = m[1]!.toLowerCase();
    // Find the end of the start tag, skipping ">" inside quoted values.
    let j = lt + m[0].length;
    let quote = '';
    for (; j < html.length; j++) {
      const c = html[j]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        // Only a quote right after "=" (possibly with spaces) opens a value.
        if (/=\s*$/.test(html.slice(Math.max(lt, j - 8), j))) quote = c;
      } else if (c === '>') break;
    }
    const attrSource = html.slice(lt + m[0].length, j);
    const attrs = new Map<string, string>();
    for (const a of attrSource.matchAll(ATTR)) {
      const key = a[1]!.toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    const tag: Tag = { name, attrs, offset: lt };
    i = j + 1;
    if (RAW_TEXT.has(name)) {
      const closer = new RegExp(`</${name}`, 'gi');
      closer.lastIndex = i;
      const end = closer.exec(html)?.index ?? html.length;
      tag.text = html.slice(i, end);
      i = end;
    }
    tags.push(tag);
  }
  return tags;
}
