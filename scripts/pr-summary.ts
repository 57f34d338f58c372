/**
 * npm run pr-summary -- [--base REF] [--head REF] [--base-dir DIR] [--head-dir DIR] [--repo DIR]
 *
 * Prints a Markdown summary of what a change does to the records: regions, schools,
 * groups, memberships (joined / left), figures, policies … added, changed or removed.
 * Each side is read from a git ref (default origin/main → HEAD, compared from their merge
 * base as a pull request is; main when there is no origin remote) or from a directory
 * holding data/ and content/.
 * CI appends it to the job summary: node scripts/pr-summary.ts >> "$GITHUB_STEP_SUMMARY"
 */
import { parseFlags } from './lib/cli.ts';
import { snapshotOf } from '../src/lib/changes/diff.ts';
import { loadSides, summarize } from './lib/pr-summary.ts';

const FLAGS = {
  base: { type: 'string' },
  head: { type: 'string' },
  'base-dir': { type: 'string' },
  'head-dir': { type: 'string' },
  repo: { type: 'string' },
} as const;

if (import.meta.main) {
  try {
    const { values } = parseFlags(process.argv.slice(2), FLAGS);
    const { base, head } = loadSides(values);
    process.stdout.write(summarize(snapshotOf(base.files), snapshotOf(head.files), { baseLabel: base.label, headLabel: head.label }));
  } catch (err) {
    console.error(`pr-summary：${(err as Error).message}`);
    process.exitCode = 1;
  }
}
