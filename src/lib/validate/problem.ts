/** The validator reports the project-wide Problem (src/lib/problem.ts): the CSV reader reports it too. */
export { formatProblem, sortProblems, type Problem } from '../problem.ts';
