import { groupDesignations, regionStatistics, schoolHistory, type DatasetIndex } from '../data/queries.ts';

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

/** One record's JSON download: its path under the site root (`schools/s1.json`) and its text. */
export interface RecordJsonFile {
  path: string;
  body: string;
}

/**
 * Every record's JSON download, next to its page (`/schools/s1/` → `/schools/s1.json`): the
 * row with what hangs off it (a school's memberships, a group's members and designations, a
 * region's statistics, a policy's targets and summary). A generator, so a country's 250 k
 * files are written one at a time rather than held at once.
 *
 * These are data, not pages: scripts/write-record-json.ts writes them after the Astro build,
 * which would otherwise spend a route (request, render, response, file) on each.
 */
export function* recordJsonFiles(idx: DatasetIndex): Generator<RecordJsonFile> {
  const { schools, groups, policies, regions } = idx.data;
  for (const school of schools)
    yield {
      path: `schools/${school.id}.json`,
      body: jsonBody({ ...toJsonRecord(school), memberships: schoolHistory(idx, school.id).map(toJsonRecord) }),
    };
  for (const group of groups)
    yield {
      path: `groups/${group.id}.json`,
      body: jsonBody({
        ...toJsonRecord(group),
        memberships: (idx.membershipsByGroup.get(group.id) ?? []).map(toJsonRecord),
        designations: groupDesignations(idx, group.id).map(toJsonRecord),
      }),
    };
  for (const policy of policies)
    yield {
      path: `policies/${policy.id}.json`,
      body: jsonBody({ ...toJsonRecord(policy), targets: policy.targets.map(toJsonRecord), summary_markdown: policy._body.trim() }),
    };
  for (const region of regions)
    yield {
      path: `regions/${region.id}.json`,
      body: jsonBody({ ...toJsonRecord(region), statistics: regionStatistics(idx, region.id).map(toJsonRecord) }),
    };
}
