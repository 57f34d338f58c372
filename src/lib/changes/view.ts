/**
 * The /changes/ pages as data. /changes/ shows the newest RECENT_DAYS days and a list of
 * months; every day is on its month's page, /changes/YYYY-MM/, whose address never
 * changes (the feeds link there), so no page grows with the length of the history:
 * each holds at most a month of days, each day capped per kind. What could not be read
 * is for the maintainers' log (src/site/history.ts), never on a page.
 */
import { changeActionLabels, changeKindLabels, countsText, summarizeDay, type ChangeDay, type RecordChange } from './history.ts';

/** Days on /changes/ itself; the rest are on the month pages only. */
export const RECENT_DAYS = 30;

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
      counts: countsText(counts),
      sections: byKind.map(({ kind, changes }) => ({
        title: changeKindLabels[kind],
        items: changes.slice(0, perKind).map((c) => {
          const h = href(c);
          return { action: changeActionLabels[c.action], label: c.label, ...(h ? { href: h } : {}), fields: c.fields.join('、') };
        }),
        more: Math.max(0, changes.length - perKind),
      })),
      commits: d.commits.map((c) => ({ commit: c.commit, short: c.commit.slice(0, 7), subject: c.subject })),
    };
  });
}

/** The month (YYYY-MM) a day (YYYY-MM-DD) is listed under. */
export const monthOf = (day: string) => day.slice(0, 7);

/** "2025 年 3 月" */
const monthLabel = (month: string) => `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`;

export interface ChangeMonth {
  month: string;
  label: string;
  /** Newest first. */
  days: ChangeDay[];
}

/** The days by month, newest month first (days keep their order, newest first). */
export function changeMonths(days: ChangeDay[]): ChangeMonth[] {
  const months = new Map<string, ChangeDay[]>();
  for (const d of days) {
    const m = monthOf(d.day);
    const list = months.get(m);
    if (list) list.push(d);
    else months.set(m, [d]);
  }
  return [...months]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([month, list]) => ({ month, label: monthLabel(month), days: list }));
}

/** One month's page: its days, and the months before and after it that have changes. */
export function monthPage(
  months: ChangeMonth[],
  month: string,
): { current: ChangeMonth; newer?: ChangeMonth; older?: ChangeMonth } | undefined {
  const i = months.findIndex((m) => m.month === month);
  if (i < 0) return undefined;
  const newer = months[i - 1];
  const older = months[i + 1];
  return { current: months[i]!, ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}
