/**
 * What the body of a content/ MDX file may contain. Bodies come from anyone's
 * pull request, and MDX compiles to JavaScript that runs when the site is built,
 * so only an allow-list passes: Markdown, and the site's own components (none
 * yet) with attributes written as literal text. No import/export, no {…}
 * expressions, no HTML tags, no links other than http(s), site paths and
 * anchors, no invisible or bidi characters.
 *
 * Bodies are parsed with Sätteri's `mdxToMdast`, the parser Astro's MDX build
 * itself runs (`satteri()` is Astro 7's default Markdown processor), so what the
 * validator passes is what the build compiles. The validator calls
 * `checkMdxBody`; the build runs `checkMdxTree` again on the tree it compiles
 * (src/site/mdx-guard.ts), so a file that skipped the validator still cannot run.
 */
import { mdxToMdast } from 'satteri';
import { findInvisible } from '../invisible.ts';

/** A refusal at a 1-based line and column of the text that was checked. */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
  fix: string;
}

interface Point {
  line: number;
  column: number;
}

/** The shape of an mdast node this module reads; Sätteri's nodes are unist nodes. */
export interface TreeNode {
  type: string;
  position?: { start: Point; end: Point } | undefined;
  children?: readonly TreeNode[];
  value?: unknown;
  url?: unknown;
  name?: unknown;
  attributes?: readonly unknown[];
}

/** Component name → the attributes it accepts. */
export type ComponentAllowList = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Components a body may use by name. None yet: pages pass bodies only heading
 * overrides (src/components/mdx/demoted-headings.ts), which Markdown `##`
 * reaches without naming them. A component listed here must also be passed as
 * `components=` where bodies are rendered.
 */
const siteMdxComponents: ComponentAllowList = new Map();

/** Markdown (CommonMark + GFM) nodes: text and structure, nothing that runs or loads. */
const MARKDOWN = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'text',
  'emphasis',
  'strong',
  'inlineCode',
  'break',
  'link',
  'linkReference',
  'definition',
  'footnoteDefinition',
  'footnoteReference',
  'table',
  'tableRow',
  'tableCell',
  'delete',
]);

/** http(s) anywhere, a path on this site, or an anchor on this page. */
const SAFE_URL = /^(?:https?:\/\/[^\s"'<>\\]+|\/(?![/\\])[^\s"'<>\\]*|#[^\s"'<>\\]*)$/;

const PLAIN = '正文只用普通 Markdown：小标题 ##、段落、列表 -、链接 [文字](https://…)';

/** Checks a parsed body. `source` is the text it was parsed from, for exact places of invisible characters. */
export function checkMdxTree(root: TreeNode, source: string, components: ComponentAllowList = siteMdxComponents): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const at = (node: { position?: { start: Point } | undefined } | undefined, message: string, fix: string) =>
    problems.push({ line: node?.position?.start.line ?? 1, column: node?.position?.start.column ?? 1, message, fix });

  // Invisible characters in the source, each at its own place (first per line).
  const lines = source.split('\n');
  lines.forEach((text, i) => {
    const found = findInvisible(text.endsWith('\r') ? text.slice(0, -1) : text, { tabs: true });
    if (found)
      problems.push({
        line: i + 1,
        column: found.index + 1,
        message: `正文含有不可见字符 ${found.label}`,
        fix: '删除这个字符：它看不见，却能让文字显示成别的样子或与别的名称混淆',
      });
  });
  const sourceHasInvisible = problems.length > 0;

  const visit = (node: TreeNode): void => {
    switch (node.type) {
      case 'mdxjsEsm':
        return void at(
          node,
          '正文不能写 import/export 语句：以小写 import 或 export 开头的一行会被当作代码运行',
          '删除这一行；如果这是一句话，换一种开头（如“export 数据”写成“导出数据”）',
        );
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return void at(
          node,
          '正文不能写花括号 {…}：花括号里的内容会在构建时被当作代码运行',
          '删除花括号；要显示花括号本身，写成 \\{ 和 \\}',
        );
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return checkElement(node);
      case 'image':
      case 'imageReference':
        return void at(node, '正文不能插入图片', '删除图片；需要时把图片的出处写成链接 [说明](https://…)');
    }
    if (!MARKDOWN.has(node.type)) return void at(node, `正文不支持这种写法（${node.type}）`, PLAIN);
    if ((node.type === 'link' || node.type === 'definition') && !(typeof node.url === 'string' && SAFE_URL.test(node.url)))
      at(
        node,
        `链接地址 "${String(node.url).slice(0, 60)}" 不允许`,
        '链接只能以 https:// 或 http:// 开头（外部网页），或以 / 开头（本站页面），或以 # 开头（本页位置）',
      );
    // A character reference (&#x202E;) puts an invisible character into the text without it being in the source.
    if (!sourceHasInvisible && typeof node.value === 'string') {
      const found = findInvisible(node.value, { lineBreaks: true, tabs: true });
      if (found) at(node, `正文含有不可见字符 ${found.label}（由字符引用 &#…; 写出）`, '删除这个字符引用');
    }
    node.children?.forEach(visit);
  };

  const checkElement = (node: TreeNode): void => {
    const name = typeof node.name === 'string' ? node.name : '';
    const allowed = components.get(name);
    if (!allowed) {
      const known = [...components.keys()].map((c) => `<${c}>`).join('、');
      return void at(
        node,
        `正文不能写 HTML 或组件标签 <${name}>`,
        `${PLAIN}${known ? `；可用的组件：${known}` : ''}；要显示尖括号本身，写成 \\<`,
      );
    }
    for (const attribute of (node.attributes ?? []) as TreeNode[]) {
      const attrName = typeof attribute.name === 'string' ? attribute.name : '';
      if (attribute.type !== 'mdxJsxAttribute')
        at(attribute.position ? attribute : node, `组件 <${name}> 不能写 {…} 属性`, '属性只写 名称="文字"');
      else if (!allowed.has(attrName))
        at(
          attribute.position ? attribute : node,
          `组件 <${name}> 没有属性 ${attrName}`,
          allowed.size ? `可用的属性：${[...allowed].join('、')}` : '删除这个属性',
        );
      else if (typeof attribute.value !== 'string')
        at(attribute.position ? attribute : node, `组件 <${name}> 的属性 ${attrName} 只能是引号里的文字`, `写成 ${attrName}="文字"`);
    }
    node.children?.forEach(visit);
  };

  visit(root);
  return problems;
}

/** Turns the parser's English syntax error ("1:4: Unexpected character after `<` … (mdx-jsx:…)") into a located Chinese one. */
function syntaxProblem(error: unknown): BodyProblem {
  const text = error instanceof Error ? error.message : String(error);
  const m = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\(([\w-]+):[\w-]+\))?$/.exec(text);
  const reason = (m?.[3] ?? text).split('\n')[0]!;
  const source = m?.[4] ?? '';
  const base = { line: m ? Number(m[1]) : 1, column: m ? Number(m[2]) : 1 };
  const hint = `（解析器提示：${reason}）`;
  if (/expression|brace|`[{}]`/i.test(reason))
    return {
      ...base,
      message: `MDX 写法有误：花括号 { } 没有配对，正文里的花括号会被当作代码${hint}`,
      fix: '删除花括号；要显示花括号本身，写成 \\{ 和 \\}',
    };
  if (/closing tag/.test(reason))
    return { ...base, message: `正文不能写 HTML 或组件标签${hint}`, fix: `${PLAIN}；要显示尖括号本身，写成 \\<` };
  if (source === 'mdx-jsx' || /`<`|JSX|tag/.test(reason))
    return {
      ...base,
      message: `MDX 写法有误：“<” 在正文里表示 HTML 或组件标签，这里不是合法的标签${hint}`,
      fix: '要写小于号，写成 \\<（如 合格率\\<60%）或写“小于”；正文不能写 HTML 标签',
    };
  return { ...base, message: `MDX 写法有误${hint}`, fix: PLAIN };
}

/** Parses and checks one body; a syntax error is returned as a problem, never thrown. */
export function checkMdxBody(source: string, components: ComponentAllowList = siteMdxComponents): BodyProblem[] {
  // Most bodies pass: parse without positions (half the tree's objects), and again with them to report.
  const parse = (position: boolean) => mdxToMdast(source, { position }) as TreeNode;
  let root: TreeNode;
  try {
    root = parse(false);
  } catch (error) {
    return [syntaxProblem(error)];
  }
  const problems = checkMdxTree(root, source, components);
  return problems.length > 0 ? checkMdxTree(parse(true), source, components) : problems;
}
