import { bisectRight } from 'd3';

/** 1-based line number of every character offset in a text, computed once per text. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  // The number of lines starting at or before the offset is its line.
  return (offset) => bisectRight(starts, offset);
}
