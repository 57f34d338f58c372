/** Validated rows as plain JSON: dates back to their source text, no bookkeeping fields. */
export function toJsonRecord(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('_')) continue;
    if (value && typeof value === 'object' && 'text' in value && 'parsed' in value) out[key] = (value as { text: string }).text;
    else out[key] = value;
  }
  return out;
}

/** Stable, readable JSON for downloads (same bytes on every build). */
export const jsonBody = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
