/** The /changes/ page as data: each day's counts, its changes by kind (capped), and its commits. */
import { changeActionLabels, changeKindLabels, summarizeDay, type ChangeDay, type RecordChange } from './history.ts';

interface ChangeItem {
  action: string;
  label: string;
  href?: string;
  fields: string;
}

export interface ChangeDayView {
  day: string;
  anchor: string;
  /** "新增 12 条，修改 3 条" */
  counts: string;
  sections: { title: string; items: ChangeItem[]; more: number }[];
  commits: { commit: string; short: string; subject: string }[];
  unreadable: string[];
}

export function changeDayViews(
  days: ChangeDay[],
  href: (c: RecordChange) => string | undefined,
  options: { perKind?: number; anchor: (day: string) => string },
): ChangeDayView[] {
  const perKind = options.perKind ?? 100;
  return days.map((d) => {
    const { counts, byKind } = summarizeDay(d);
    return {
      day: d.day,
      anchor: options.anchor(d.day),
      counts: (Object.keys(counts) as (keyof typeof counts)[])
        .filter((a) => counts[a] > 0)
        .map((a) => `${changeActionLabels[a]} ${counts[a]} 条`)
        .join('，'),
      sections: byKind.map(({ kind, changes }) => ({
        title: changeKindLabels[kind],
        items: changes.slice(0, perKind).map((c) => {
          const h = href(c);
          return { action: changeActionLabels[c.action], label: c.label, ...(h ? { href: h } : {}), fields: c.fields.join('、') };
        }),
        more: Math.max(0, changes.length - perKind),
      })),
      commits: d.commits.map((c) => ({ commit: c.commit, short: c.commit.slice(0, 7), subject: c.subject })),
      unreadable: [...new Set(d.commits.flatMap((c) => c.unreadable))],
    };
  });
}
