/**
 * Downloads from the built site: CSVs are the files of the dataset it was built from
 * (the portal fixture, never today's data/) byte for byte plus a BOM; JSON parses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { csvDatasetNames, csvDatasets } from '../../src/lib/schemas/index.ts';
import { baseUrl } from './browser.ts';

const dataRoot = inject('dataRoot');

describe('data downloads', () => {
  for (const [name, { file }] of Object.entries(csvDatasets)) {
    it(`${name}.csv round-trips to data/${file}`, async () => {
      const res = await fetch(`${baseUrl()}/data/${name}.csv`);
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const source = readFileSync(`${dataRoot}/data/${file}`);
      const body = source[0] === 0xef ? source.subarray(3) : source;
      expect(Buffer.from(bytes.subarray(3)).equals(body)).toBe(true);
    });
  }

  it('publishes datapackage.json and per-record JSON', async () => {
    const pkg = (await (await fetch(`${baseUrl()}/data/datapackage.json`)).json()) as { resources: { path: string }[] };
    expect(pkg.resources.length).toBe(csvDatasetNames.length);
    const groups = (await (await fetch(`${baseUrl()}/data/groups.json`)).json()) as { id: string }[];
    expect(groups.length).toBeGreaterThan(0);
    const one = (await (await fetch(`${baseUrl()}/groups/${groups[0]!.id}.json`)).json()) as { id: string; memberships: unknown[] };
    expect(one.id).toBe(groups[0]!.id);
    expect(Array.isArray(one.memberships)).toBe(true);
  });
});
