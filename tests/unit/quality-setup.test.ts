/** The quality suite never checks a site left by an older build unless told to. */
import { describe, expect, it } from 'vitest';
import { siteToCheck } from '../quality/global-setup.ts';
import { TEST_SITE } from '../fixture-data.ts';

const built = (dirs: string[]) => (dir: string) => dirs.includes(dir);

describe('siteToCheck', () => {
  it('builds the fixture site when run alone, even if an older one is there', () => {
    expect(siteToCheck({}, built([TEST_SITE]))).toEqual({ dist: TEST_SITE, build: true });
  });

  it('reuses the site npm test built in the same run', () => {
    expect(siteToCheck({ QUALITY_REUSE_SITE: '1' }, built([TEST_SITE]))).toEqual({ dist: TEST_SITE, build: false });
    expect(siteToCheck({ QUALITY_REUSE_SITE: '1' }, built([]))).toEqual({ dist: TEST_SITE, build: true });
  });

  it('checks a named site as it is, and refuses a missing one clearly', () => {
    expect(siteToCheck({ QUALITY_DIST: '/tmp/x' }, built(['/tmp/x']))).toEqual({ dist: '/tmp/x', build: false });
    expect(() => siteToCheck({ QUALITY_DIST: '/tmp/y' }, built([]))).toThrow('QUALITY_DIST 指向的 /tmp/y 没有 index.html');
  });
});
