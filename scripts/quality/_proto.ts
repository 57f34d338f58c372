import { chromium } from 'playwright-core';
import { serveDir } from '../serve.ts';
import { axe } from './browser.ts';
const { server, url } = await serveDir('/tmp/q-dist', 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
const page = await ctx.newPage();
for (const p of ['/about/', '/about/', '/groups/fx-no1-group/', '/regions/fx-city/', '/about/']) {
  let t = performance.now(); const lap = (s: string) => { const n = performance.now(); console.log(p, s, (n - t).toFixed(0)); t = n; };
  await page.goto(url + p, { waitUntil: 'load' }); lap('goto');
  await page.locator('script[src], script[type="module"]').count(); lap('count');
  await axe(page); lap('axe');
}
await browser.close(); server.close();
