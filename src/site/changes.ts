/** The change log wired to this site: record links that still resolve, feed URLs, the Atom files. */
import { atomFeed } from '../lib/changes/feed.ts';
import { changesInProvince, type ChangeDay, type RecordChange } from '../lib/changes/history.ts';
import { monthOf } from '../lib/changes/view.ts';
import type { DatasetIndex } from '../lib/data/queries.ts';
import { DATA_LICENCE, SITE_NAME } from './config.ts';
import { changeLog, dataVersionInfo } from './history.ts';
import { absoluteUrl, groupUrl, policyUrl, regionUrl, schoolUrl, sourceUrl, termUrl, url } from './links.ts';

export const changesPage = () => url('/changes/');
/** A month's page of the change log: /changes/2025-03/ (its address never changes). */
export const changesMonthPage = (month: string) => url(`/changes/${month}/`);
export const dayAnchor = (day: string) => `d-${day}`;
export const siteFeedPath = '/changes/feed.xml';
export const provinceFeedPath = (regionId: string) => `/changes/feeds/${regionId}.xml`;

/** The page of a record that exists in this build; removed records have none. */
export function recordHref(idx: DatasetIndex, c: RecordChange): string | undefined {
  if (!c.page || c.action === 'removed') return undefined;
  const { kind, id } = c.page;
  switch (kind) {
    case 'regions':
      return idx.region.has(id) ? regionUrl(id) : undefined;
    case 'schools':
      return idx.school.has(id) ? schoolUrl(id) : undefined;
    case 'groups':
      return idx.group.has(id) ? groupUrl(id) : undefined;
    case 'policies':
      return idx.data.policies.some((p) => p.id === id) ? policyUrl(id) : undefined;
    case 'sources':
      return idx.source.has(id) ? sourceUrl(id) : undefined;
    case 'terms':
      return idx.term.has(id) ? termUrl(id) : undefined;
  }
}

/** Top-level regions: one feed each. */
export const feedRegions = (idx: DatasetIndex) => idx.data.regions.filter((r) => !r.parent);

export function feedXml(idx: DatasetIndex, regionId?: string): string {
  const log = changeLog();
  const region = regionId ? idx.region.get(regionId) : undefined;
  const days: ChangeDay[] = log ? (regionId ? changesInProvince(log, regionId) : log.days) : [];
  const path = regionId ? provinceFeedPath(regionId) : siteFeedPath;
  const version = dataVersionInfo();
  return atomFeed({
    title: region ? `${SITE_NAME}：${region.name}数据更新` : `${SITE_NAME}：数据更新`,
    description: region
      ? `${region.name}及其下辖地区的集团、学校、成员关系、统计数字和政策的新增、修改与终止，按日汇总。`
      : '本站数据的新增、修改与终止，按日汇总，来自数据文件的版本历史。',
    selfUrl: absoluteUrl(path),
    pageUrl: absoluteUrl('/changes/'),
    days,
    // The month page, whose address never changes: /changes/ itself only shows the newest days.
    dayUrl: (day) => `${absoluteUrl(`/changes/${monthOf(day)}/`)}#${dayAnchor(day)}`,
    recordUrl: (c) => {
      const href = recordHref(idx, c);
      return href ? new URL(href, absoluteUrl('/')).href : undefined;
    },
    ...(version.time ? { fallbackUpdated: version.time } : {}),
    siteName: SITE_NAME,
    licence: DATA_LICENCE,
  });
}
