/**
 * The build's own check of every MDX body: a Sätteri mdast plugin (registered
 * in astro.config.mjs) that runs the body policy on the very tree Astro is
 * about to compile, and stops the build with the validator's message. The
 * validator refuses the same files first; this is for a file that never went
 * through it. It also refuses a frontmatter `layout`, which Astro's MDX
 * compiler would import as a module.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { checkMdxTree, type BodyProblem, type TreeNode } from '../lib/mdx/body-policy.ts';
import { formatProblem } from '../lib/problem.ts';
import { dataRoot } from './config.ts';

export const mdxBodyGuard = defineMdastPlugin({
  name: 'jituan-mdx-body-guard',
  options: { position: true },
  before(root, ctx) {
    const file = ctx.fileURL ? relative(dataRoot(), fileURLToPath(ctx.fileURL)).split(sep).join('/') : 'MDX';
    const problems: BodyProblem[] = checkMdxTree(root as unknown as TreeNode, ctx.source);
    const astro = ctx.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
    if (astro?.frontmatter && 'layout' in astro.frontmatter)
      problems.unshift({ line: 1, column: 1, message: '元数据不能有 layout 字段', fix: '删除 layout 这一行' });
    if (problems.length > 0)
      throw new Error(`MDX 正文检查失败，共 ${problems.length} 个问题：\n${problems.map((p) => formatProblem({ file, ...p })).join('\n')}`);
  },
});
