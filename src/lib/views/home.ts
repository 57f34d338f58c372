/** The data the home page shows: headline figures, recently changed records and the counts it links to. */
import { headlineFigures } from '../data/headlines.ts';
import type { DatasetIndex } from '../data/queries.ts';
import type { RecordFile } from './record.ts';

interface RecentRecord {
  kind: 'group' | 'school' | 'policy';
  /** The kind in words: 集团, 学校, 政策. */
  kindWord: string;
  id: string;
  name: string;
  /** ISO day the record's line (or file) last changed. */
  day: string;
}

export interface HomeView {
  figures: ReturnType<typeof headlineFigures>;
  /** Newest first (ties by name), at most `recentCount`. */
  recent: RecentRecord[];
  groups: number;
  policies: number;
}

/**
 * `lastChanged` says when a record's files last changed (the site reads git for it,
 * src/site/git-dates.ts); records never committed are left out of the recent list.
 */
export function homeView(idx: DatasetIndex, lastChanged: (files: RecordFile[]) => string | undefined, recentCount = 8): HomeView {
  const d = idx.data;
  const records = [
    ...d.groups.map((g) => ({
      kind: 'group' as const,
      kindWord: '集团',
      id: g.id,
      name: g.label,
      day: lastChanged([{ file: g._file, line: g._line }]),
    })),
    ...d.schools.map((s) => ({
      kind: 'school' as const,
      kindWord: '学校',
      id: s.id,
      name: s.name,
      day: lastChanged([{ file: s._file, line: s._line }]),
    })),
    ...d.policies.map((p) => ({
      kind: 'policy' as const,
      kindWord: '政策',
      id: p.id,
      name: p.title,
      day: lastChanged([{ file: p._file }]),
    })),
  ];
  const recent = records
    .filter((r): r is RecentRecord => r.day !== undefined && r.day !== '')
    .sort((a, b) => (b.day < a.day ? -1 : b.day > a.day ? 1 : a.name.localeCompare(b.name, 'zh-CN')))
    .slice(0, recentCount);
  return { figures: headlineFigures(idx), recent, groups: d.groups.length, policies: d.policies.length };
}
