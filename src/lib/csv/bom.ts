/**
 * The UTF-8 byte order mark. Excel on Chinese Windows reads a CSV as GBK unless
 * it starts with one, so every CSV the site offers for download carries exactly
 * one; the files in data/ may have one or not.
 */

export const BOM = '\uFEFF';
const BOM_BYTES = [0xef, 0xbb, 0xbf] as const;

/** The text without a leading BOM. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The bytes with exactly one BOM in front, whether or not they had one. */
export function withBomBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const had = bytes[0] === BOM_BYTES[0] && bytes[1] === BOM_BYTES[1] && bytes[2] === BOM_BYTES[2];
  const body = had ? bytes.subarray(3) : bytes;
  const out = new Uint8Array(BOM_BYTES.length + body.length);
  out.set(BOM_BYTES);
  out.set(body, BOM_BYTES.length);
  return out;
}
