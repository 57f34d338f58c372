/** Types the validator's modules share (validate.ts reads files, rules.ts checks across them). */
import type { Problem } from '../problem.ts';
import type { CsvDatasetName } from '../schemas/index.ts';

/**
 * The project's input files as bytes, keyed by path relative to the project root,
 * and what could not be read (a symbolic link, an unreadable file; see read-project.ts).
 */
export type ProjectFiles = Map<string, Uint8Array> & { readProblems?: Problem[] };

/**
 * Ids of records that exist but failed their own checks ('all' when a whole file
 * could not be read), so references to them are not reported a second time.
 */
export type Unreadable = Map<CsvDatasetName, Set<string> | 'all'>;

/** Where each value of an MDX file's frontmatter is, by path. */
export type MdxLocators = Map<string, (path: readonly PropertyKey[]) => { line: number; column: number }>;
