/** Splits an MDX file into YAML frontmatter and body, keeping line numbers for errors. */
import { LineCounter, Parser, parseDocument, isNode, visit, type CST, type Document } from 'yaml';

/** Levels of map or list, the top-level map being 1: more than any template needs (policy targets use 3), far below what overflows the stack. */
export const MAX_YAML_DEPTH = 16;

/**
 * Offset of the first collection nested deeper than MAX_YAML_DEPTH, or undefined.
 * yaml's composer recurses once per level, so thousands of [ overflow the stack at a
 * place that depends on the stack size; its lexer and parser do not, so this walks the
 * parser's syntax tree with a stack of its own before anything is composed.
 */
function tooDeepAt(yamlText: string): number | undefined {
  const todo: { token: CST.Token | null | undefined; depth: number }[] = [];
  for (const token of new Parser().parse(yamlText)) todo.push({ token, depth: 1 });
  let found: number | undefined;
  while (todo.length > 0) {
    const { token, depth } = todo.pop()!;
    if (token?.type === 'document') todo.push({ token: token.value, depth });
    else if (token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection') {
      // Keep the earliest in the text, so the place reported does not depend on the walk.
      if (depth > MAX_YAML_DEPTH) found = Math.min(found ?? token.offset, token.offset);
      else for (const item of token.items) todo.push({ token: item.key, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
    }
  }
  return found;
}

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
  const deep = tooDeepAt(yamlText);
  if (deep !== undefined) {
    const before = yamlText.slice(0, deep).split('\n');
    return {
      data: undefined,
      locate: () => ({ line: 1, column: 1 }),
      body,
      bodyLine,
      error: {
        line: before.length + 1,
        column: before.at(-1)!.length + 1,
        message: `嵌套太深（超过 ${MAX_YAML_DEPTH} 层列表或对象）`,
        fix: '元数据只写模板里的字段；检查是否多写了 [ 或 {，或缩进层层加深',
      },
    };
  }
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
