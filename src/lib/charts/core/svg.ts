/**
 * Prints a Scene as SVG text. Styling is in presentation attributes (fill, stroke,
 * stroke-dasharray), never in style attributes, so the markup passes a CSP without
 * 'unsafe-inline' and the same drawing works inline, as a download and in print.
 */
import { COLORS, FONT_FAMILY, type Hit, type Mark, type Scene } from './scene.ts';
import { escapeAttr, escapeXml, num, wrapText } from './text.ts';

type Attr = [string, string | number | undefined];

function attrs(list: Attr[]): string {
  return list
    .filter((a): a is [string, string | number] => a[1] !== undefined && a[1] !== '')
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeAttr(v)}"`)
    .join('');
}

/** Stroke, width and dash: the same three attributes, in this order, on lines, paths, rects and circles. */
const strokeAttrs = (m: { stroke?: string | undefined; width?: number | undefined; dash?: string | undefined }): Attr[] => [
  ['stroke', m.stroke],
  ['stroke-width', m.width],
  ['stroke-dasharray', m.dash],
];

const viewBox = (width: number, height: number): Attr => ['viewBox', `0 0 ${num(width)} ${num(height)}`];

/** An image named by its <title> and described by its <desc>, whose ids derive from `id`. */
const imageAttrs = (id: string): Attr[] => [
  ['role', 'img'],
  ['aria-labelledby', `${id}-title`],
  ['aria-describedby', `${id}-desc`],
  ['font-family', FONT_FAMILY],
];

const titleAndDesc = (meta: { id: string; title: string; desc: string }) =>
  `<title id="${escapeAttr(meta.id)}-title">${escapeXml(meta.title)}</title>` +
  `<desc id="${escapeAttr(meta.id)}-desc">${escapeXml(meta.desc)}</desc>`;

function renderMark(m: Mark): string {
  switch (m.type) {
    case 'line':
      return `<line${attrs([
        ['class', m.cls],
        ['x1', m.x1],
        ['y1', m.y1],
        ['x2', m.x2],
        ['y2', m.y2],
        ...strokeAttrs(m),
        ['stroke-linecap', m.cap],
      ])}/>`;
    case 'path':
      return `<path${attrs([
        ['class', m.cls],
        ['d', m.d],
        ['fill', m.fill ?? 'none'],
        ...strokeAttrs(m),
        ['stroke-linecap', m.cap],
        ['stroke-linejoin', m.stroke ? 'round' : undefined],
      ])}/>`;
    case 'circle':
      return `<circle${attrs([['class', m.cls], ['cx', m.cx], ['cy', m.cy], ['r', m.r], ['fill', m.fill], ...strokeAttrs(m)])}/>`;
    case 'rect':
      return `<rect${attrs([
        ['class', m.cls],
        ['x', m.x],
        ['y', m.y],
        ['width', Math.max(0, m.w)],
        ['height', Math.max(0, m.h)],
        ['fill', m.fill],
        ...strokeAttrs(m),
      ])}/>`;
    case 'text':
      return `<text${attrs([
        ['class', m.cls],
        ['x', m.x],
        ['y', m.y],
        ['font-size', m.size],
        ['font-weight', m.weight],
        ['text-anchor', m.anchor && m.anchor !== 'start' ? m.anchor : undefined],
        ['fill', m.fill],
        ...(m.halo
          ? ([
              ['stroke', COLORS.paper],
              ['stroke-width', 3],
              ['stroke-linejoin', 'round'],
              ['paint-order', 'stroke'],
            ] as [string, string | number][])
          : []),
      ])}>${escapeXml(m.text)}</text>`;
  }
}

export interface SvgMeta {
  /** Unique on the page; prefixes the ids of <title> and <desc>. */
  id: string;
  title: string;
  desc: string;
  cls?: string;
}

/** The chart as an image: role="img", named by its title and described by its trend in words. */
export function renderChartSvg(scene: Scene, meta: SvgMeta): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs([['class', meta.cls], viewBox(scene.width, scene.height), ...imageAttrs(meta.id)])}>` +
    titleAndDesc(meta) +
    scene.marks.map(renderMark).join('') +
    `</svg>`
  );
}

function renderHit(h: Hit): string {
  const common: Attr[] = [
    ['fill', '#000'],
    ['fill-opacity', '0'],
    ['tabindex', '0'],
    ['role', 'img'],
    ['aria-label', h.label],
    ['data-tip', h.tip.join('\n')],
    ['data-row', String(h.row)],
    ['data-value', String(h.value)],
    ['data-date', h.date],
    ['data-kind', h.kind],
  ];
  if (h.shape === 'circle') return `<circle${attrs([['class', 'chart-hit'], ['cx', h.x], ['cy', h.y], ['r', h.r ?? 10], ...common])}/>`;
  return `<rect${attrs([['class', 'chart-hit'], ['x', h.x], ['y', h.y], ['width', h.w ?? 0], ['height', h.h ?? 0], ...common])}/>`;
}

/**
 * The focusable layer laid exactly over the image (same viewBox): one transparent
 * target per plotted figure, reachable with Tab, named for screen readers.
 */
export function renderHitSvg(scene: Scene, meta: { label: string; cls?: string }): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs([
      ['class', meta.cls],
      viewBox(scene.width, scene.height),
      ['role', 'group'],
      ['aria-label', meta.label],
    ])}>` +
    scene.hits.map(renderHit).join('') +
    `</svg>`
  );
}

export interface StandaloneMeta {
  id: string;
  title: string;
  subtitle: string[];
  desc: string;
  /** Unit, "数据截至", sources, credit and link: printed under the chart. */
  footer: string[];
}

/**
 * A self-contained SVG file: title and definition above the chart, unit, date,
 * sources and permalink below, on a white ground. What the SVG and PNG downloads hold.
 */
export function renderStandaloneSvg(scene: Scene, meta: StandaloneMeta): string {
  const pad = 16;
  const width = scene.width;
  const inner = width - pad * 2;
  const marks: string[] = [];
  let y = pad;
  const line = (text: string, size: number, fill: string, weight?: number) => {
    for (const l of wrapText(text, inner, size)) {
      y += size * 1.35;
      marks.push(renderMark({ type: 'text', x: pad, y: y - size * 0.3, text: l, size, fill, ...(weight ? { weight } : {}) }));
    }
  };
  line(meta.title, 17, COLORS.ink, 700);
  for (const s of meta.subtitle) line(s, 12, COLORS.inkSoft);
  y += 6;
  const chartTop = y;
  y += scene.height + 4;
  for (const f of meta.footer) line(f, 11, COLORS.inkSoft);
  const height = Math.ceil(y + pad);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs([
      ['width', width],
      ['height', height],
      viewBox(width, height),
      ...imageAttrs(meta.id),
    ])}>` +
    titleAndDesc(meta) +
    renderMark({ type: 'rect', x: 0, y: 0, w: width, h: height, fill: COLORS.paper }) +
    marks.slice(0, marks.length).join('') +
    `<g transform="translate(0 ${num(chartTop)})">${scene.marks.map(renderMark).join('')}</g>` +
    `</svg>\n`
  );
}
