/**
 * The start tags of an HTML page, as a browser parses it (parse5, the WHATWG
 * algorithm): each with its attributes (entities decoded), its offset in the
 * source, and for <script>, <style>, <textarea> and <title> its text. Used by
 * the link and CSP checkers. Elements a browser implies without a tag in the
 * source (an omitted <head> or <body>) have no offset and are not listed.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Text content, for <script>, <style>, <textarea> and <title>. */
  text?: string;
  /** Offset of "<" in the source. */
  offset: number;
}

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document | DefaultTreeAdapterTypes.DocumentFragment;

const WITH_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** Every element written in the source, in document order. */
export function tokenize(html: string): Tag[] {
  const tags: Tag[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) {
      const offset = node.sourceCodeLocation?.startOffset;
      if (offset !== undefined) {
        const attrs = new Map<string, string>();
        for (const a of node.attrs) attrs.set((a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase(), a.value);
        const tag: Tag = { name: node.tagName.toLowerCase(), attrs, offset };
        if (WITH_TEXT.has(tag.name))
          tag.text = node.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : '')).join('');
        tags.push(tag);
      }
      if ('content' in node) visit(node.content);
    }
    if ('childNodes' in node) for (const c of node.childNodes) visit(c);
  };
  // Scripting off, so the markup inside <noscript> is parsed as elements: its links count too.
  visit(parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false }));
  return tags;
}
