/** Dash patterns (stroke-dasharray), one per meaning, shared by every kind of chart. */
export const DASH = {
  /** The way to a target: a dashed segment to its diamond. */
  target: '7 5',
  /** Joins a derived figure or one with an uncertain date: a guess about the path, drawn as dots. */
  connector: '0.1 5',
  /** The outline of a derived (estimated) bar or range. */
  derivedBar: '4 3',
  /** The target line at the end of a progress track. */
  goal: '3 2',
} as const;
