/** URLs for records and for the repository behind them, built in one place. */
import { BASE_PATH, REPO_BRANCH, REPO_URL, SITE_URL } from './config.ts';

const base = BASE_PATH.endsWith('/') ? BASE_PATH : `${BASE_PATH}/`;

/** A site path with the deploy's base path: url('/groups/x/') → '/base/groups/x/'. */
export const url = (path: string) => `${base}${path.replace(/^\//, '')}`;
export const absoluteUrl = (path: string) => new URL(url(path), SITE_URL).href;

/** One step of a page's breadcrumb trail. */
export interface Crumb {
  name: string;
  href: string;
}

/** A breadcrumb trail from the home page: 首页, then `trail`. */
export const homeCrumbs = (...trail: Crumb[]): Crumb[] => [{ name: '首页', href: url('/') }, ...trail];

export const schoolUrl = (id: string) => url(`/schools/${id}/`);
export const groupUrl = (id: string) => url(`/groups/${id}/`);
export const regionUrl = (id: string) => url(`/regions/${id}/`);
/** One letter of a large region's A–Z school list. */
export const regionLetterUrl = (id: string, slug: string) => url(`/regions/${id}/schools/${slug}/`);
export const policyUrl = (id: string) => url(`/policies/${id}/`);
export const termUrl = (id: string) => url(`/glossary/#${id}`);
export const sourceUrl = (id: string) => url(`/sources/#${id}`);

export const editFileUrl = (file: string, line?: number) => `${REPO_URL}/edit/${REPO_BRANCH}/${file}${line ? `#L${line}` : ''}`;
export const viewFileUrl = (file: string, line?: number) => `${REPO_URL}/blob/${REPO_BRANCH}/${file}${line ? `#L${line}` : ''}`;

/** A new-issue link pre-filled with the record, for readers who cannot make a pull request. */
export function reportErrorUrl(kind: string, id: string, title: string, file: string): string {
  const params = new URLSearchParams({
    template: 'report-error.yml',
    title: `[纠错] ${title}`,
    record: `${kind}/${id}`,
    file,
  });
  return `${REPO_URL}/issues/new?${params.toString()}`;
}
