/**
 * Content collections: only the MDX that pages render (policies and group profiles).
 * CSV datasets do not pass through Astro's content store: pages read the validator's
 * dataset directly (src/site/data.ts), which is smaller and typed without casts.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { groupProfileSchema, policySchema } from './lib/schemas/policy.ts';
import { dataRoot } from './site/config.ts';

export const collections = {
  policies: defineCollection({
    loader: glob({ pattern: '*.mdx', base: join(dataRoot(), 'content/policies') }),
    schema: policySchema,
  }),
  groupProfiles: defineCollection({
    loader: glob({ pattern: '*.mdx', base: join(dataRoot(), 'content/groups') }),
    schema: groupProfileSchema,
  }),
};
