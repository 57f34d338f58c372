/**
 * A built page as Pagefind is given it. Pagefind's Chinese word segmentation takes time
 * growing faster than the length of an unbroken run of letters: one 300,000-character
 * paragraph without punctuation took 113 s to index instead of 1 s. Runs longer than
 * MAX_RUN letters, digits or marks get a space every MAX_RUN characters, in one linear
 * pass; only the copy Pagefind indexes changes, never the page. A run that long is no
 * word, so no search for a real word loses a match but one that spans a cut.
 */

/** The longest run of letters, digits and marks handed to Pagefind unbroken. */
export const MAX_RUN = 400;

const LONG_RUN = new RegExp(`[\\p{L}\\p{N}\\p{M}]{${MAX_RUN + 1},}`, 'gu');

/** Breaks every run of more than MAX_RUN letters, digits or marks with spaces. */
export function boundedRuns(html: string): string {
  return html.replace(LONG_RUN, (run) => {
    const parts: string[] = [];
    let at = 0;
    let count = 0;
    // Step by code point so a cut never splits a surrogate pair.
    for (let i = 0; i < run.length;) {
      const width = run.codePointAt(i)! > 0xffff ? 2 : 1;
      i += width;
      if (++count === MAX_RUN) {
        parts.push(run.slice(at, i));
        at = i;
        count = 0;
      }
    }
    if (at < run.length) parts.push(run.slice(at));
    return parts.join(' ');
  });
}
