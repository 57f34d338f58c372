/**
 * Every mark of the data contract is visible where its fact is shown (issue 26): the portal
 * fixture plus tests/fixtures/contract/ (a repost, a compilation read at a version, a group
 * the source does not name, a member list given in part, what a group calls a member, an
 * inferred lead with its note, figures written 约900所 and 2—4个, figures for one stage),
 * built and read in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtFixtureSite } from './built-site.ts';

const UNNAMED = '以南京市力学小学为领衔校的教育集团（来源未写名称）';
const site = builtFixtureSite('contract-marks', ['tests/fixtures/contract']);
const { out } = site;

const open = async (path: string): Promise<Page> => {
  const p = await site.browser.newPage();
  const res = await p.goto(`${site.base}${path}`);
  expect(res?.status(), path).toBe(200);
  return p;
};
/** The visible text of the first match: a mark hidden by CSS would fail here. */
const seen = async (p: Page, selector: string) => {
  const el = p.locator(selector).first();
  await expect(el.isVisible(), selector).resolves.toBe(true);
  return el.innerText();
};

describe('group pages', () => {
  it('call an unnamed group by its lead, say so, and keep 2—4 and the partial list', async () => {
    const p = await open('/groups/nanjing-lixue-group/');
    await expect(seen(p, 'h1')).resolves.toBe(UNNAMED);
    await expect(seen(p, '[data-mark="unnamed"]')).resolves.toContain('来源没有写这个集团的名称');
    const count = await seen(p, '[data-mark="member-count"]');
    expect(count).toContain('来源只列出部分成员');
    expect(count).toContain('2—4所');
    const ld = await p.locator('script[type="application/ld+json"]').first().textContent();
    expect(ld).toContain(UNNAMED);
    await p.close();
  });

  it('show what the group calls a member, each membership note and the group’s stage', async () => {
    const p = await open('/groups/hefei-no1-group/');
    await expect(seen(p, '[data-mark="listed-as"]')).resolves.toBe('（集团称“北城分校”）');
    await expect(p.locator('[data-mark="membership-note"]').allInnerTexts()).resolves.toContain('测试用：来源只写了简称。');
    await expect(seen(p, '[data-mark="group-stage"]')).resolves.toBe('普通高中');
    await expect(seen(p, '[data-mark="member-count"]')).resolves.toMatch(/^来源只列出部分成员：本站列出 3 所学校；来源报告成员4所/);
    await p.close();
  });

  it('mark an inferred lead with its note beside it', async () => {
    const p = await open('/groups/tongxiang-liuzhong-group/');
    await expect(seen(p, '.lede [data-mark="inferred"]')).resolves.toBe('推断');
    await expect(seen(p, '.lede [data-mark="inferred-note"]')).resolves.toBe('（来源把它排在名单第一位，没有写明牵头校。）');
    await p.close();
  });
});

describe('school and region pages', () => {
  it('show on a school page what its group calls it', async () => {
    const p = await open('/schools/hefei-beicheng/');
    await expect(seen(p, '[data-mark="listed-as"]')).resolves.toBe('（集团称本校“北城分校”）');
    await expect(seen(p, 'h2:has-text("合肥一中教育集团的其他成员") + [data-mark="partial"]')).resolves.toBe('来源只列出部分成员。');
    await p.close();
  });

  it('list an unnamed group by its label and a partial list as such on its region page', async () => {
    const p = await open('/regions/jiangsu-nanjing-gulou/');
    const table = await seen(p, 'table');
    expect(table).toContain(UNNAMED);
    expect(table).toContain('来源只列出部分成员');
    await expect(seen(p, '.lede')).resolves.toContain('来源报告 13个小学教育集团');
    await p.close();
  });
});

describe('sources', () => {
  it('show the original of a repost, where and when the copy was read, and the compilation with its version', async () => {
    const p = await open('/sources/');
    const repost = await seen(p, '#contract-repost');
    const item = p.locator('#contract-repost').locator('xpath=..');
    const facts = await item.innerText();
    expect(repost).toContain('合肥市普通高中教育集团名单（转载）');
    expect(facts).toMatch(/原始发布者\s*合肥市教育局/);
    expect(facts).toMatch(/原文日期\s*2020年12月29日/);
    expect(facts).toContain('（2026-12-01 读取）');
    const gulou = await p.locator('#contract-gulou').locator('xpath=..').innerText();
    expect(gulou).toMatch(/经由数据汇编\s*全国教育集团名单汇编（测试）（版本 abc1234，2026-12-02 读取）/);
    await p.close();
  });
});

describe('coverage, statistics and search', () => {
  it('compare a one-stage figure with that stage only, and give an unstated stage no percentage', async () => {
    const p = await open('/coverage/');
    const hefei = await seen(p, 'tr:has(a[href$="/regions/anhui-hefei/"])');
    expect(hefei).toContain('2 / 21所（只计普通高中；另有 1 个学段不详，未计入）');
    expect(hefei).toContain('9.5%');
    const tongxiang = p.locator('tr:has(a[href$="/regions/zhejiang-jiaxing-tongxiang/"])');
    await expect(seen(p, 'tr:has(a[href$="/regions/zhejiang-jiaxing-tongxiang/"]) [data-mark="not-comparable"]')).resolves.toContain(
      '来源没有说明这个数字包括哪些学段',
    );
    expect(await tongxiang.innerText()).not.toMatch(/约900所[^（]*（\d/);
    await p.close();
  });

  it('keep 约900所 and 2—4个 in their form, with the stage the source gives, on /statistics/', async () => {
    const p = await open('/statistics/');
    const rows = await p.$$eval('table.all-figures tbody tr', (trs) =>
      trs.map((tr) =>
        ['td:first-child', '[data-mark="statistic-value"]', '[data-mark="statistic-stage"]'].map(
          (sel) => tr.querySelector<HTMLElement>(sel)?.innerText.trim() ?? '',
        ),
      ),
    );
    expect(rows).toContainEqual(['桐乡市', '约900所', '']);
    expect(rows).toContainEqual(['合肥市', '21所', '（普通高中）']);
    expect(rows).toContainEqual(['安徽省', '2—4个', '（全学段）']);
    await p.close();
  });

  it('find an unnamed group by its lead, under its label, with its marks', async () => {
    const p = await open(`/search/?q=${encodeURIComponent('力学小学')}`);
    await p.waitForFunction(() => ['done', 'empty', 'error'].includes(document.getElementById('search-form')?.dataset.state ?? ''), null, {
      timeout: 20_000,
    });
    const cards = await p.$$eval('#search-results li', (lis) => lis.map((li) => (li as HTMLElement).innerText));
    const card = cards.find((c) => c.startsWith(UNNAMED));
    expect(card).toBeDefined();
    expect(card).toContain('来源只列出部分成员');
    await p.close();
  });

  it('download the label and the quantity as written, and the CSV keeps the blank name', () => {
    const json = JSON.parse(readFileSync(join(out, 'groups/nanjing-lixue-group.json'), 'utf8')) as Record<string, unknown>;
    expect(json.label).toBe(UNNAMED);
    expect(json.reported_members).toMatchObject({ text: '2—4' });
    const csv = readFileSync(join(out, 'data/groups.csv'), 'utf8');
    expect(csv).toContain('\nnanjing-lixue-group,,jiangsu-nanjing-gulou,');
  });
});
