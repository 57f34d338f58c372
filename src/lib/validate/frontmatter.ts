/** Splits an MDX file into YAML frontmatter and body, keeping line numbers for errors. */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

export interface Frontmatter {
  data: unknown;
  /** 1-based line and column of the value at a path, or of the frontmatter start. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  error?: { line: number; column: number; message: string };
}

export function parseFrontmatter(text: string): Frontmatter | null {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(src);
  if (!m) return null;
  const yamlText = m[1]!;
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // Frontmatter starts on line 2 of the file (line 1 is ---).
  const toFile = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  const locate = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return toFile(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  const first = doc.errors[0];
  return {
    data: doc.errors.length ? undefined : doc.toJS(),
    locate,
    body: src.slice(m[0].length),
    bodyLine: m[0].split('\n').length,
    ...(first ? { error: { ...toFile(first.pos[0]), message: first.message.split('\n')[0]! } } : {}),
  };
}
