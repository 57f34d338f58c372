/**
 * npm run generate: a synthetic country for benchmarks (scripts/lib/country/),
 * written to a directory of its own (bench/data/<size>/ by default) that the
 * real site never ships.
 *
 *   node scripts/generate-country.ts --schools 200000 [--seed 1] [--out bench/data/200000]
 *   node scripts/generate-country.ts --schools 10000 --plant-error   (one deliberate error)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCountry, writeCountry } from './lib/country/index.ts';

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      schools: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      'plant-error': { type: 'boolean', default: false },
    },
  });
  const n = Number(values.schools);
  const plantError = values['plant-error'];
  const out = resolve(values.out ?? `bench/data/${n}${plantError ? '-bad' : ''}`);
  const started = performance.now();
  const country = generateCountry({ schools: n, seed: Number(values.seed), plantError });
  writeCountry(out, country);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${out}: ${Object.entries(country.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (${secs} s)`,
  );
  if (country.planted)
    console.log(
      `planted error: ${country.planted.file}:${country.planted.line}:${country.planted.column} school "${country.planted.value}"`,
    );
}
