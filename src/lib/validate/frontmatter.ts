/** Splits an MDX file into YAML frontmatter and body, keeping line numbers for errors. */
import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';

export interface Frontmatter {
  data: unknown;
  /** 1-based line and column of the value at a path, or of the frontmatter start. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  error?: { line: number; column: number; message: string; fix?: string };
}

export function parseFrontmatter(text: string): Frontmatter | null {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(src);
  if (!m) return null;
  const yamlText = m[1]!;
  const lineCounter = new LineCounter();
  const body = src.slice(m[0].length);
  const bodyLine = m[0].split('\n').length;
  const failed = (error: NonNullable<Frontmatter['error']>): Frontmatter => ({
    data: undefined,
    locate: () => ({ line: 1, column: 1 }),
    body,
    bodyLine,
    error,
  });
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  } catch {
    // The parser recurses: thousands of nested [ or { overflow the stack.
    return failed({ line: 2, column: 1, message: '嵌套太深，无法读取', fix: '元数据只写模板里的字段，不要嵌套列表或对象' });
  }
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
  if (first) return { data: undefined, locate, body, bodyLine, error: { ...toFile(first.pos[0]), message: first.message.split('\n')[0]! } };
  // Aliases (*name) are never needed here, and nested ones expand into a "billion laughs".
  let alias: { line: number; column: number; source: string } | undefined;
  visit(doc, {
    Alias(_, node) {
      alias = { ...toFile(node.range?.[0] ?? 0), source: node.source };
      return visit.BREAK;
    },
  });
  if (alias)
    return {
      data: undefined,
      locate,
      body,
      bodyLine,
      error: {
        line: alias.line,
        column: alias.column,
        message: `用了 YAML 别名 *${alias.source}`,
        fix: '把值直接写出来，元数据里不用 & 锚点和 * 别名',
      },
    };
  try {
    return { data: doc.toJS({ maxAliasCount: 0 }), locate, body, bodyLine };
  } catch (error) {
    return { data: undefined, locate, body, bodyLine, error: { line: 2, column: 1, message: String(error).split('\n')[0]! } };
  }
}
