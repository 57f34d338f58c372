/**
 * The datasets the tests own. `tests/fixtures/portal/` is a frozen copy of the project's
 * data and content: the unit, browser and quality suites build and read it, never today's
 * data/, so a valid row an editor adds cannot turn the suite red. Overlay fixtures
 * (tests/fixtures/new-city/, tests/fixtures/editor-*) hold rows appended to it, as an
 * editor would append them: no header lines, MDX files added beside the portal's.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The portal fixture; FIXTURE_DATA_ROOT points the unit tests at another copy (tests/e2e/editor-additions.test.ts). */
export const PORTAL = process.env.FIXTURE_DATA_ROOT ?? 'tests/fixtures/portal';
/** Where the browser and quality suites build the portal fixture (not dist/, which `npm start` owns). */
export const TEST_SITE = 'test-results/site';

/** Copies the portal fixture to `root` and appends each overlay's rows and files, in order. */
export function assembleDataset(root: string, overlays: string[] = []): string {
  cpSync(join(PORTAL, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(PORTAL, 'content'), join(root, 'content'), { recursive: true });
  for (const overlay of overlays) {
    const data = join(overlay, 'data');
    if (existsSync(data))
      for (const file of readdirSync(data)) {
        const target = join(root, 'data', file);
        const existing = readFileSync(target, 'utf8');
        appendFileSync(target, (existing.endsWith('\n') ? '' : '\n') + readFileSync(join(data, file), 'utf8'));
      }
    const content = join(overlay, 'content');
    if (existsSync(content)) {
      mkdirSync(join(root, 'content'), { recursive: true });
      cpSync(content, join(root, 'content'), { recursive: true });
    }
  }
  return root;
}
