import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDir } from '../serve.ts';
const { server, url } = await serveDir('dist', 0);
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
for (const [name, extra] of [['default', {}], ['nothrottle', { throttling: { rttMs: 0, throughputKbps: 1024 * 1024, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } }]] as const) {
  for (const p of ['/groups/luohe-shiyan-middle-group/', '/']) {
    const t = performance.now();
    const r = await lighthouse(url + p, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance','accessibility','best-practices','seo'], formFactor: 'mobile', ...extra } as never);
    const lhr = r!.lhr;
    console.log(name, p, Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, v.score])), (performance.now()-t).toFixed(0), lhr.audits['total-blocking-time']!.displayValue, lhr.audits['mainthread-work-breakdown']!.displayValue, lhr.audits['dom-size']?.displayValue ?? '');
    const items = (lhr.audits['mainthread-work-breakdown']!.details as { items: { group: string; duration: number }[] }).items;
    console.log('   ', items.map((i) => `${i.group}:${Math.round(i.duration)}`).join(' '));
  }
}
await chrome.kill(); server.close();
