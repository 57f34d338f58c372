/**
 * Content collections. CSV collections are loaded through the project's validator
 * (papaparse + the zod schemas in src/lib/schemas); MDX through Astro's glob loader.
 * The validator has already applied each schema, so loaders store its output as is;
 * the schema given here types the collection.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { join } from 'node:path';
import { csvDatasets, type CsvDatasetName } from './lib/schemas/index.ts';
import { groupProfileSchema, policySchema } from './lib/schemas/policy.ts';
import { dataRoot, loadValidatedDataset } from './site/validated-data.ts';

/** Rows without an id of their own (memberships, statistics) are keyed by file and line. */
function rowId(row: Record<string, unknown>): string {
  if (typeof row.id === 'string') return row.id;
  return `${String(row._file)}:${String(row._line)}`;
}

function csvLoader(name: CsvDatasetName): Loader {
  return {
    name: `csv-${name}`,
    // Synchronous work (the data is read and validated once); the loader interface wants a promise.
    load: ({ store }) => {
      const rows = loadValidatedDataset()[name] as unknown as Record<string, unknown>[];
      store.clear();
      for (const row of rows) store.set({ id: rowId(row), data: row });
      return Promise.resolve();
    },
  };
}

const csv = <N extends CsvDatasetName>(name: N) => defineCollection({ loader: csvLoader(name), schema: csvDatasets[name].schema });

export const collections = {
  sources: csv('sources'),
  terms: csv('terms'),
  metrics: csv('metrics'),
  regions: csv('regions'),
  schools: csv('schools'),
  groups: csv('groups'),
  memberships: csv('memberships'),
  designations: csv('designations'),
  statistics: csv('statistics'),
  policies: defineCollection({
    loader: glob({ pattern: '*.mdx', base: join(dataRoot(), 'content/policies') }),
    schema: policySchema,
  }),
  groupProfiles: defineCollection({
    loader: glob({ pattern: '*.mdx', base: join(dataRoot(), 'content/groups') }),
    schema: groupProfileSchema,
  }),
};
