/**
 * A parent's walk through the built site, in Chromium: home → region → group →
 * school → policy and back, on a phone and a desktop, asking no other origin.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, recordForeignRequests, SCREENSHOTS, sharedBrowser } from './browser.ts';

const browser = sharedBrowser();

describe('the built site', () => {
  it('serves the home page and a group page', async () => {
    const page = await browser().newPage();
    const res = await page.goto(`${baseUrl()}/`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('集团化办学');
    const groupLink = page.locator('a[href^="/groups/"][href$="/"]').filter({ hasNotText: '全部' }).first();
    await page.goto(`${baseUrl()}/groups/`);
    const first = page.locator('tbody a[href^="/groups/"]').first();
    await first.click();
    await expect(page.locator('h1').textContent()).resolves.toMatch(/集团|联盟|共同体/);
    expect(await page.locator('#members').count()).toBe(1);
    void groupLink;
    await page.close();
  });

  for (const viewport of [
    { name: 'mobile', width: 360, height: 780 },
    { name: 'desktop', width: 1280, height: 900 },
  ]) {
    it(`walks home → region → group → school → policy and back at ${viewport.width}px`, async () => {
      const page = await browser().newPage({ viewport });
      const foreign = recordForeignRequests(page, baseUrl());
      await page.goto(`${baseUrl()}/`);
      await page.screenshot({ path: `${SCREENSHOTS}/home-${viewport.width}.png`, fullPage: false });

      // Region tree → the first region that has groups (a new region with none listed may sort first).
      await page.locator('#tree').locator('xpath=..').locator('a[href^="/regions/"][data-groups]:not([data-groups="0"])').first().click();
      expect(page.url()).toMatch(/\/regions\//);
      await page.screenshot({ path: `${SCREENSHOTS}/region-${viewport.width}.png` });
      const groupLink = page.locator('#groups ~ * a[href^="/groups/"], section[aria-labelledby="groups"] a[href^="/groups/"]').first();
      await groupLink.click();
      expect(page.url()).toMatch(/\/groups\//);
      await page.screenshot({ path: `${SCREENSHOTS}/group-${viewport.width}.png`, fullPage: true });

      // No horizontal scrolling at this width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      const schoolLink = page.locator('section[aria-labelledby="members"] a[href^="/schools/"]').first();
      if ((await schoolLink.count()) > 0) {
        await schoolLink.click();
        expect(page.url()).toMatch(/\/schools\//);
        await page.screenshot({ path: `${SCREENSHOTS}/school-${viewport.width}.png` });
        await page.goBack();
      }
      const policyLink = page.locator('section[aria-labelledby="policies"] a[href^="/policies/"]').first();
      if ((await policyLink.count()) > 0) {
        await policyLink.click();
        expect(page.url()).toMatch(/\/policies\//);
        await page.screenshot({ path: `${SCREENSHOTS}/policy-${viewport.width}.png` });
        await page.goBack();
      }
      expect(page.url()).toMatch(/\/groups\//);
      await page.locator('nav.breadcrumbs a').first().click();
      expect(page.url()).toMatch(/\/regions\//);
      expect(foreign).toEqual([]);
      await page.close();
    });
  }
});
