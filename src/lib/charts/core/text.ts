/**
 * Text helpers for build-time SVG: escaping, a deterministic width estimate
 * (no DOM, no font metrics) and greedy line wrapping for Chinese text.
 */

/** Characters XML 1.0 does not allow at all (not even as references): C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text with every character XML 1.0 forbids replaced by U+FFFD. The validator refuses
 * them in data; this is the writers' defence in depth, since one such character makes a
 * whole feed or SVG unreadable.
 */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '\uFFFD');
}

/** Escapes text for XML/HTML element content and double-quoted attributes (and makes it XML-safe). */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escapes an attribute value and keeps line breaks as character references. */
export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/\r?\n/g, '&#10;');
}

/** Width of one character in em: CJK and full-width forms are square, Latin is narrower. */
function charEm(c: string): number {
  const code = c.codePointAt(0)!;
  if (code >= 0x2e80 || (code >= 0x2000 && code <= 0x206f && c !== ' ')) {
    // CJK, full-width punctuation, general punctuation (– — … ≥ ≤ are in 0x2000–0x22ff).
    if (code >= 0x2010 && code <= 0x2015) return 0.6; // dashes
    if (code >= 0xff61 && code <= 0xffdc) return 0.55; // half-width forms
    return 1;
  }
  if (code === 0x2265 || code === 0x2264 || code === 0x00b7 || code === 0x2212) return 0.6;
  if (c === ' ') return 0.3;
  if (/[0-9]/.test(c)) return 0.64;
  if (/[.,:;'|!il]/.test(c)) return 0.3;
  if (/[%MWmw@]/.test(c)) return 0.95;
  if (/[A-Z]/.test(c)) return 0.66;
  return 0.55;
}

/** Estimated advance width of `s` at `fontSize` (errs wide so labels do not collide). */
export function textWidth(s: string, fontSize: number): number {
  let em = 0;
  for (const c of s) em += charEm(c);
  return em * fontSize;
}

/**
 * Splits text into lines no wider than `maxWidth`. Chinese may break between any
 * two characters; runs of Latin letters, digits and number punctuation stay whole.
 * Closing punctuation never starts a line.
 */
export function wrapText(s: string, maxWidth: number, fontSize: number): string[] {
  const tokens = s.match(/[A-Za-z0-9.%,:/_\-+≥≤]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let current = '';
  const noStart = /^[，。、；：？！）》」』】,.;:?!)%]/;
  for (const tok of tokens) {
    const candidate = current + tok;
    if (current !== '' && textWidth(candidate, fontSize) > maxWidth && !noStart.test(tok)) {
      lines.push(current.trimEnd());
      current = tok.trimStart();
    } else {
      current = candidate;
    }
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  return lines;
}

/** A coordinate rounded to 0.1 unit, printed without trailing zeros or "-0". */
export function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? '0' : String(r);
}

/**
 * Joins parts on one line while they fit; otherwise each part starts a new line
 * (and wraps within itself), so a break falls between phrases, not inside one.
 */
export function wrapParts(parts: string[], maxWidth: number, fontSize: number, sep = ' · '): string[] {
  const whole = parts.join(sep);
  if (textWidth(whole, fontSize) <= maxWidth) return [whole];
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    const candidate = current === '' ? part : `${current}${sep}${part}`;
    if (textWidth(candidate, fontSize) <= maxWidth) current = candidate;
    else {
      if (current !== '') lines.push(current);
      const wrapped = wrapText(part, maxWidth, fontSize);
      current = wrapped.pop() ?? '';
      lines.push(...wrapped);
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
