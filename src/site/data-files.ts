/** The raw CSV files behind the downloads, read from the data root. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBomBytes } from '../lib/csv/bom.ts';
import { dataRoot } from './config.ts';

/** The file exactly as committed, with a UTF-8 BOM in front so Excel reads it as UTF-8. */
export function csvDownload(file: string): Uint8Array<ArrayBuffer> {
  return withBomBytes(readFileSync(join(dataRoot(), 'data', file)));
}
