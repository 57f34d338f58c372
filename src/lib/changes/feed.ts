/**
 * The change log as an Atom 1.0 feed: one entry per day with data changes, its
 * content the day's changes as an HTML list. Built with `feed` (Atom; @astrojs/rss
 * writes RSS 2.0 only). Every date comes from a commit, so the same history gives
 * the same bytes.
 */
import { Feed } from 'feed';
import { escapeXml, xmlSafe } from '../charts/core/text.ts';
import {
  changeActionLabels,
  changeKindLabels,
  countsText,
  NO_RECORD_CHANGES,
  summarizeDay,
  type ChangeDay,
  type RecordChange,
} from './history.ts';

export interface FeedSpec {
  title: string;
  description: string;
  /** The feed's own absolute URL (its id and rel="self"). */
  selfUrl: string;
  /** The page the feed mirrors. */
  pageUrl: string;
  /** Newest first. */
  days: ChangeDay[];
  /** Absolute URL of a day on the changes page. */
  dayUrl: (day: string) => string;
  /** Absolute URL of the page showing a record, when it still exists. */
  recordUrl: (c: RecordChange) => string | undefined;
  /** When the feed has no entries: the time of the last data commit (never the clock). */
  fallbackUpdated?: string;
  siteName: string;
  licence: string;
  /** At most this many days, newest first. */
  limit?: number;
}

const PER_KIND = 50;

function dayHtml(spec: FeedSpec, day: ChangeDay): string {
  const { counts, byKind } = summarizeDay(day);
  const parts: string[] = [];
  parts.push(`<p>${countsText(counts)}。</p>`);
  for (const { kind, changes } of byKind) {
    const shown = changes.slice(0, PER_KIND);
    const items = shown.map((c) => {
      const href = c.action === 'removed' ? undefined : spec.recordUrl(c);
      const label = href ? `<a href="${escapeXml(href)}">${escapeXml(c.label)}</a>` : escapeXml(c.label);
      return `<li>${changeActionLabels[c.action]}：${label}${c.fields.length > 0 ? `（${escapeXml(c.fields.join('、'))}）` : ''}</li>`;
    });
    if (changes.length > shown.length) items.push(`<li>……另有 ${changes.length - shown.length} 条，见网页</li>`);
    parts.push(`<h3>${changeKindLabels[kind]}</h3><ul>${items.join('')}</ul>`);
  }
  return parts.join('');
}

function dayTitle(day: ChangeDay): string {
  const { counts } = summarizeDay(day);
  const words = (Object.keys(counts) as (keyof typeof counts)[])
    .filter((a) => counts[a] > 0)
    .map((a) => `${changeActionLabels[a]} ${counts[a]}`);
  // A day whose commits only damaged or repaired a file has nothing to count.
  return words.length > 0 ? `${day.day} 数据更新：${words.join('，')} 条记录` : `${day.day} ${NO_RECORD_CHANGES}`;
}

export function atomFeed(spec: FeedSpec): string {
  const days = spec.days.slice(0, spec.limit ?? 50);
  const updated = days[0]?.time ?? spec.fallbackUpdated ?? '1970-01-01T00:00:00Z';
  const feed = new Feed({
    id: spec.selfUrl,
    title: spec.title,
    description: spec.description,
    link: spec.pageUrl,
    language: 'zh-CN',
    updated: new Date(updated),
    generator: false,
    copyright: `数据：${spec.licence}`,
    feedLinks: { atom: spec.selfUrl },
    author: { name: spec.siteName },
  });
  for (const day of days)
    feed.addItem({
      id: spec.dayUrl(day.day),
      title: dayTitle(day),
      link: spec.dayUrl(day.day),
      date: new Date(day.time),
      content: dayHtml(spec, day),
    });
  // `feed` escapes markup but passes characters XML forbids: one would make the whole feed unreadable.
  return xmlSafe(feed.atom1());
}
