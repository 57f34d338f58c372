/**
 * Progressive enhancement for the build-time charts (the charts are complete
 * without it): a tooltip on hover and on keyboard focus for every plotted figure,
 * arrow keys between figures, PNG download (chart-png.ts, loaded on demand), and
 * a copy button for the citation. No inline styles in markup: the tooltip is placed
 * through the CSSOM, which a CSP without 'unsafe-inline' allows.
 */

const HIDE_DELAY = 250;
let tipCount = 0;

function setupFrame(frame: HTMLElement): void {
  const hits = [...frame.querySelectorAll<SVGGraphicsElement>('.chart-hit')];
  if (hits.length === 0) return;
  const tip = document.createElement('div');
  tip.className = 'chart-tooltip';
  tip.id = `chart-tooltip-${++tipCount}`;
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  frame.append(tip);

  let active: SVGGraphicsElement | null = null;
  let hideTimer: number | undefined;

  const show = (hit: SVGGraphicsElement) => {
    window.clearTimeout(hideTimer);
    if (active && active !== hit) active.classList.remove('is-active');
    active = hit;
    hit.classList.add('is-active');
    tip.textContent = hit.dataset.tip ?? hit.getAttribute('aria-label') ?? '';
    tip.hidden = false;
    const box = hit.getBoundingClientRect();
    const frameBox = frame.getBoundingClientRect();
    const half = tip.offsetWidth / 2;
    const centre = box.left + box.width / 2 - frameBox.left;
    const left = Math.min(Math.max(centre, half), Math.max(half, frameBox.width - half));
    const above = box.top - frameBox.top;
    const below = above < tip.offsetHeight + 12;
    tip.classList.toggle('is-below', below);
    tip.style.left = `${left}px`;
    tip.style.top = `${below ? box.bottom - frameBox.top : above}px`;
  };

  const hide = () => {
    window.clearTimeout(hideTimer);
    tip.hidden = true;
    active?.classList.remove('is-active');
    active = null;
  };
  const hideSoon = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  };

  for (const [i, hit] of hits.entries()) {
    hit.addEventListener('pointerenter', () => show(hit));
    hit.addEventListener('pointerleave', hideSoon);
    hit.addEventListener('focus', () => show(hit));
    hit.addEventListener('blur', hide);
    hit.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
      if (step !== 0) {
        e.preventDefault();
        hits[(i + step + hits.length) % hits.length]!.focus();
      }
    });
  }
  // The tooltip can be hovered without vanishing (WCAG 1.4.13).
  tip.addEventListener('pointerenter', () => window.clearTimeout(hideTimer));
  tip.addEventListener('pointerleave', hideSoon);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !tip.hidden) hide();
  });
  document.addEventListener('pointerdown', (e) => {
    if (!tip.hidden && !frame.contains(e.target as Node)) hide();
  });
}

function setupButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-chart-png]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const label = button.textContent;
      button.disabled = true;
      // The PNG code loads only when asked for (and keeps this script an external, cacheable file).
      import('./chart-png.ts')
        .then(({ downloadPng }) => downloadPng(button))
        .catch(() => {
          button.textContent = 'PNG 生成失败，请下载 SVG';
        })
        .finally(() => {
          button.disabled = false;
          window.setTimeout(() => (button.textContent = label), 3000);
        });
    });
  }
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-chart-copy]')) {
    const text = button.parentElement?.querySelector('[data-chart-citation]')?.textContent?.trim();
    if (!text) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const label = button.textContent;
      navigator.clipboard.writeText(text).then(
        () => (button.textContent = '已复制'),
        () => (button.textContent = '复制失败，请手动选择文字'),
      );
      window.setTimeout(() => (button.textContent = label), 2500);
    });
  }
}

function init(): void {
  for (const frame of document.querySelectorAll<HTMLElement>('[data-chart-frame]')) setupFrame(frame);
  setupButtons(document);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init, { once: true });
else init();
