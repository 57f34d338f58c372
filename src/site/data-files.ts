/** The raw CSV files behind the downloads, read from the data root. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataRoot } from './validated-data.ts';

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** The file exactly as committed, with a UTF-8 BOM in front so Excel reads it as UTF-8. */
export function csvDownload(file: string): Uint8Array<ArrayBuffer> {
  const bytes = readFileSync(join(dataRoot(), 'data', file));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM);
  out.set(body, BOM.length);
  return out;
}
