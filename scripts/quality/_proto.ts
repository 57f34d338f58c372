import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveDir } from '../serve.ts';
const { server, url } = await serveDir('/tmp/q-dist', 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const js of [true, false]) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 360, height: 780 } });
  const page = await ctx.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  const t = performance.now();
  await page.goto(url + '/groups/fx-no1-group/');
  if (false) { const cdp = await ctx.newCDPSession(page); await cdp.send('Emulation.setScriptExecutionDisabled', { value: false }); }
  console.log(await page.evaluate(() => document.title));
  const r = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa']).analyze();
  console.log(js, r.violations.map(v => [v.id, v.nodes.length, v.nodes[0]?.target]), r.passes.length, (performance.now()-t).toFixed(0));
  await ctx.close();
}
await browser.close(); server.close();
