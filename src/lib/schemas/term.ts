import { z } from 'zod';
import { pipeList, requiredText, slug, optionalSourceRefs } from './common.ts';

const termKinds = ['group-type', 'group-model', 'stage', 'concept'] as const;

/**
 * data/terms.csv — the controlled vocabulary and the glossary in one: group types,
 * models, school stages and the other words a parent meets, each defined.
 */
export const termSchema = z.object({
  id: slug,
  term: requiredText(30),
  kind: z.enum(termKinds, { message: '必须是 group-type、group-model、stage 或 concept' }),
  definition: requiredText(600),
  aliases: pipeList(),
  source: optionalSourceRefs,
});
export type Term = z.infer<typeof termSchema>;
export type TermKind = Term['kind'];
