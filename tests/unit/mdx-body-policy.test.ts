/**
 * MDX bodies: only Markdown passes, refusals name the real line and column,
 * and the build's own MDX compiler runs the same check (src/site/mdx-guard.ts).
 * The hostile cases are the ones issue #17 reported as built and run.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { checkMdxBody } from '../../src/lib/mdx/body-policy.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { mdxBodyGuard } from '../../src/site/mdx-guard.ts';
import { miniFiles, text } from './fixture-project.ts';

const PROFILE = '---\ngroup: "fx-no1-group"\nsource: "fx-news"\nsources: []\n---\n\n';
const profileProblems = (body: string) => {
  const files = miniFiles();
  files.set('content/groups/fx-no1-group.mdx', text(PROFILE + body));
  return validateProject(files).problems.map(formatProblem);
};
const where = (body: string) => checkMdxBody(body).map((p) => `${p.line}:${p.column} ${p.message}`);

describe('an MDX body', () => {
  it('may hold prose the old pattern refused', () => {
    expect(
      profileProblems(
        [
          'Export 数据的格式见下载页。',
          '',
          '一个等式：one = all；onload = 0 也只是文字。',
          '',
          '行内代码 `<script>`、`{process.env.HOME}` 和 `import x from "y"` 只是文字。',
          '',
          '合格率\\<60% 的学校，花括号写成 \\{ 和 \\}。',
          '',
          '| 年份 | 集团 |',
          '| --- | --- |',
          '| 2024 | 12 |',
          '',
          '见[下载页](/data/)、[原文](https://example.com/a?b=1)和[本页](#top)[^1]。',
          '',
          '[^1]: 注释。',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('may not run code: expressions and ESM are refused where they are', () => {
    expect(where('文字 {process.env.HOME}\n')).toEqual(['1:4 正文不能写花括号 {…}：花括号里的内容会在构建时被当作代码运行']);
    expect(where('段落\n\n{globalThis.process.getBuiltinModule("node:fs").writeFileSync("x", "y")}\n')[0]).toMatch(/^3:1 正文不能写花括号/);
    expect(where("段落\n\nimport{writeFileSync}from'node:fs'\n")[0]).toMatch(/^3:1 正文不能写 import\/export/);
    expect(where("export{x}from'data:text/javascript,1'\n")[0]).toMatch(/^1:1 正文不能写 import\/export/);
    expect(where('{/* 注释也是表达式 */}\n')[0]).toMatch(/^1:1 正文不能写花括号/);
  });

  it('may not hold HTML: a meta refresh, a script, an element with a handler', () => {
    expect(where('段落\n\n<meta http-equiv="refresh" content="3;url=https://example.com/" />\n')).toEqual([
      '3:1 正文不能写 HTML 或组件标签 <meta>',
    ]);
    expect(where('<meta http-equiv="refresh" content="0;url=https://example.com/">\n')[0]).toMatch(/^1:1 正文不能写 HTML 或组件标签/);
    expect(where('<script>alert(1)</script>\n')).toEqual(['1:1 正文不能写 HTML 或组件标签 <script>']);
    expect(where('看 <b onclick="alert(1)">这里</b>\n')).toEqual(['1:3 正文不能写 HTML 或组件标签 <b>']);
    expect(where('<iframe src="https://example.com/" />\n')).toEqual(['1:1 正文不能写 HTML 或组件标签 <iframe>']);
  });

  it('may link only to http(s), site paths and anchors, and shows no images', () => {
    expect(where('[点](javascript:alert(1)) [点][r]\n\n[r]: data:text/html,x\n')).toEqual([
      '1:1 链接地址 "javascript:alert(1)" 不允许',
      '3:1 链接地址 "data:text/html,x" 不允许',
    ]);
    expect(where('[点](//example.com/)\n')).toEqual(['1:1 链接地址 "//example.com/" 不允许']);
    expect(where('图 ![x](https://example.com/x.png)\n')).toEqual(['1:3 正文不能插入图片']);
    // Judged after character references are decoded, as the page would have them.
    expect(where('[点](java&#115;cript:alert(1))\n')).toEqual(['1:1 链接地址 "javascript:alert(1)" 不允许']);
  });

  it('may not hold invisible or bidi characters, typed or written as references', () => {
    expect(where('示例市第\u202e学小一\n')).toEqual(['1:5 正文含有不可见字符 U+202E（从右到左强制）']);
    expect(where('第一行\n\n示例市第一小学\u200b\n')).toEqual(['3:8 正文含有不可见字符 U+200B（零宽空格）']);
    expect(where('示例 &#x202E; 文字\n')).toEqual(['1:1 正文含有不可见字符 U+202E（从右到左强制）（由字符引用 &#…; 写出）']);
  });

  it('reports a syntax error at its place, in Chinese', () => {
    const [lt] = checkMdxBody('第一行\n\n合格率<60%\n');
    expect(lt).toMatchObject({ line: 3, column: 4 });
    expect(lt!.message).toMatch(/^MDX 写法有误：“<” 在正文里表示 HTML 或组件标签/);
    expect(lt!.fix).toContain('\\<');
    const [brace] = checkMdxBody('一个 { 没闭合\n');
    expect(brace).toMatchObject({ line: 1, column: 4 });
    expect(brace!.message).toMatch(/^MDX 写法有误：花括号 \{ \} 没有配对/);
  });

  it('uses a component only from the allow-list, with literal attributes', () => {
    const components = new Map([['Note', new Set(['kind'])]]);
    expect(checkMdxBody('<Note kind="tip">提示</Note>\n', components)).toEqual([]);
    expect(checkMdxBody('<Note kind={1}>提示</Note>\n', components).map((p) => p.message)).toEqual([
      '组件 <Note> 的属性 kind 只能是引号里的文字',
    ]);
    expect(checkMdxBody('<Note {...x}>提示</Note>\n', components).map((p) => p.message)).toEqual(['组件 <Note> 不能写 {…} 属性']);
    expect(checkMdxBody('<Note id="a">提示 {x}</Note>\n', components).map((p) => p.message)).toEqual([
      '组件 <Note> 没有属性 id',
      '正文不能写花括号 {…}：花括号里的内容会在构建时被当作代码运行',
    ]);
  });
});

describe("the build's MDX compiler", () => {
  // The renderer @astrojs/mdx uses, configured as astro.config.mjs configures it.
  const render = async (content: string, frontmatter: Record<string, unknown> = {}) => {
    const renderer = await satteri({ mdastPlugins: [mdxBodyGuard] }).createMdxRenderer!(
      { syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: true },
      { optimize: false, srcDir: new URL('../../src/', import.meta.url), sourcemap: false },
    );
    return renderer.process(content, `${process.cwd()}/content/groups/x.mdx`, frontmatter);
  };

  it('compiles Markdown', async () => {
    await expect(render('## 小标题\n\n段落 [链接](https://example.com/)。\n')).resolves.toHaveProperty('code');
  });

  it('refuses what the validator refuses, with the same message', async () => {
    await expect(render('\n\n\n文字 {process.env.HOME}\n')).rejects.toThrow(
      'content/groups/x.mdx:4:4: 错误：正文不能写花括号 {…}：花括号里的内容会在构建时被当作代码运行。修改建议：删除花括号；要显示花括号本身，写成 \\{ 和 \\}',
    );
    await expect(render("export{x}from'data:text/javascript,1'\n")).rejects.toThrow('x.mdx:1:1: 错误：正文不能写 import/export');
    await expect(render('<meta http-equiv="refresh" content="0;url=https://example.com/" />\n')).rejects.toThrow(
      'x.mdx:1:1: 错误：正文不能写 HTML 或组件标签 <meta>',
    );
  });

  it('refuses a frontmatter layout, which it would import as a module', async () => {
    await expect(render('段落\n', { layout: 'data:text/javascript,1' })).rejects.toThrow('元数据不能有 layout 字段');
  });
});
