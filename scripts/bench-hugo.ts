/**
 * The peer build for `npm run bench`: a minimal Hugo site with the same record pages
 * as the Astro site (schools, groups, regions, policies, each school and group also as
 * JSON), written from the same generated data. Writing the Hugo source is not timed;
 * `hugo` itself is, by the bench.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Papa from 'papaparse';

type Row = Record<string, string>;
const readCsv = (dir: string, name: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(dir, 'data', `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · 集团化办学数据门户</title><link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="/">集团化办学数据门户</a> <nav><a href="/regions/">地区</a> <a href="/groups/">集团</a> <a href="/policies/">政策</a></nav>
<form action="/search/"><input name="q" type="search"><button>搜索</button></form></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>数据采用 CC BY 4.0 许可。</p></footer></body></html>
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
  'index.html': `{{ define "main" }}<h1>集团化办学数据门户</h1><ul>{{ range .Site.Params.provinces }}<li><a href="/regions/{{ .id }}/">{{ .name }}</a></li>{{ end }}</ul>{{ end }}`,
  '_default/single.html': `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
  'schools/single.html': `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<dl><dt>所在地区</dt><dd><a href="/regions/{{ .Params.region }}/">{{ .Params.place }}</a></dd><dt>学段</dt><dd>{{ .Params.stage }}</dd>
{{ with .Params.aliases }}<dt>简称与别称</dt><dd>{{ delimit . "、" }}</dd>{{ end }}</dl>
<h2>所属集团（历史）</h2><table>{{ range .Params.history }}<tr><td><a href="/groups/{{ .group }}/">{{ .name }}</a></td><td>{{ .role }}</td><td>{{ .joined }}</td><td>{{ .left }}</td></tr>{{ end }}</table>
{{ range .Params.peers }}<h2>{{ .name }}的其他成员</h2><ul>{{ range .members }}<li><a href="/schools/{{ .id }}/">{{ .name }}</a>（{{ .role }}）</li>{{ end }}</ul>{{ end }}
</article><aside><h2>来源与更新</h2><p>{{ .Params.source }}</p></aside>{{ end }}`,
  'groups/single.html': `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<p><a href="/regions/{{ .Params.region }}/">{{ .Params.place }}</a>的{{ .Params.type }}教育集团</p>
<h2>成员学校</h2><table>{{ range .Params.members }}<tr><td><a href="/schools/{{ .id }}/">{{ .name }}</a></td><td>{{ .role }}</td><td>{{ .joined }}</td><td>{{ .left }}</td></tr>{{ end }}</table>
</article>{{ end }}`,
  'regions/single.html': `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<ul>{{ range .Params.children }}<li><a href="/regions/{{ .id }}/">{{ .name }}</a></li>{{ end }}</ul>
<div data-pagefind-ignore><h2>教育集团</h2><ul>{{ range .Params.groups }}<li><a href="/groups/{{ .id }}/">{{ .name }}</a></li>{{ end }}</ul>
<h2>学校</h2><ul>{{ range .Params.schools }}<li><a href="/schools/{{ .id }}/">{{ .name }}</a></li>{{ end }}</ul></div>
</article>{{ end }}`,
  'policies/single.html': `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</article>{{ end }}`,
  '_default/single.json': `{{ .Params | jsonify }}`,
};

/** Writes a Hugo source tree for the data in `dataDir` to `out`; returns the page count and Hugo's version. */
export function buildHugoSite(dataDir: string, out: string): { pages: number; version: string } {
  rmSync(out, { recursive: true, force: true });
  const regions = readCsv(dataDir, 'regions');
  const schools = readCsv(dataDir, 'schools');
  const groups = readCsv(dataDir, 'groups');
  const memberships = readCsv(dataDir, 'memberships');
  const regionById = new Map(regions.map((r) => [r.id!, r]));
  const place = (id: string) => {
    const chain: string[] = [];
    for (let r = regionById.get(id); r; r = r.parent ? regionById.get(r.parent) : undefined) chain.unshift(r.name!);
    return chain.join(' ');
  };
  const schoolById = new Map(schools.map((s) => [s.id!, s]));
  const groupById = new Map(groups.map((g) => [g.id!, g]));
  const byGroup = new Map<string, Row[]>();
  const bySchool = new Map<string, Row[]>();
  for (const m of memberships) {
    (byGroup.get(m.group!) ?? byGroup.set(m.group!, []).get(m.group!)!).push(m);
    (bySchool.get(m.school!) ?? bySchool.set(m.school!, []).get(m.school!)!).push(m);
  }
  const dirs = ['schools', 'groups', 'regions', 'policies'];
  for (const d of [
    'layouts/_default',
    'layouts/schools',
    'layouts/groups',
    'layouts/regions',
    'layouts/policies',
    ...dirs.map((x) => `content/${x}`),
  ])
    mkdirSync(join(out, d), { recursive: true });
  for (const [path, text] of Object.entries(LAYOUTS)) writeFileSync(join(out, 'layouts', path), text);
  const provinces = regions.filter((r) => !r.parent).map((r) => ({ id: r.id, name: r.name }));
  writeFileSync(
    join(out, 'config.json'),
    JSON.stringify({
      baseURL: 'https://jituan.example.org/',
      languageCode: 'zh-CN',
      title: '集团化办学数据门户',
      disableKinds: ['taxonomy', 'term', 'RSS'],
      outputs: { page: ['HTML', 'JSON'] },
      params: { provinces },
    }),
  );
  const page = (path: string, front: object, body = '') => writeFileSync(join(out, 'content', path), `${JSON.stringify(front)}\n${body}`);
  for (const d of dirs) page(`${d}/_index.md`, { title: d });
  let pages = 1 + dirs.length;

  for (const s of schools) {
    const history = (bySchool.get(s.id!) ?? []).map((m) => ({
      group: m.group,
      name: groupById.get(m.group!)?.name,
      role: m.role,
      joined: m.joined,
      left: m.left,
    }));
    const peers = (bySchool.get(s.id!) ?? [])
      .filter((m) => !m.left)
      .map((m) => ({
        name: groupById.get(m.group!)?.name,
        members: (byGroup.get(m.group!) ?? [])
          .filter((x) => x.school !== s.id && !x.left)
          .map((x) => ({ id: x.school, name: schoolById.get(x.school!)?.name, role: x.role })),
      }));
    page(`schools/${s.id}.md`, {
      title: s.name,
      region: s.region,
      place: place(s.region!),
      stage: s.stage,
      aliases: s.aliases ? s.aliases.split('|') : [],
      history,
      peers,
      source: s.source,
    });
    pages++;
  }
  for (const g of groups) {
    const members = (byGroup.get(g.id!) ?? []).map((m) => ({
      id: m.school,
      name: schoolById.get(m.school!)?.name,
      role: m.role,
      joined: m.joined,
      left: m.left,
    }));
    page(`groups/${g.id}.md`, { title: g.label, region: g.region, place: place(g.region!), type: g.type, members });
    pages++;
  }
  // Region pages list everything below them, as the Astro pages do.
  const children = new Map<string, Row[]>();
  for (const r of regions) if (r.parent) (children.get(r.parent) ?? children.set(r.parent, []).get(r.parent)!).push(r);
  const schoolsIn = new Map<string, Row[]>();
  const groupsIn = new Map<string, Row[]>();
  for (const s of schools) (schoolsIn.get(s.region!) ?? schoolsIn.set(s.region!, []).get(s.region!)!).push(s);
  for (const g of groups) (groupsIn.get(g.region!) ?? groupsIn.set(g.region!, []).get(g.region!)!).push(g);
  const below = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap((c) => below(c.id!))];
  for (const r of regions) {
    const ids = below(r.id!);
    page(`regions/${r.id}.md`, {
      title: r.name,
      children: (children.get(r.id!) ?? []).map((c) => ({ id: c.id, name: c.name })),
      groups: ids.flatMap((id) => groupsIn.get(id) ?? []).map((g) => ({ id: g.id, name: g.label })),
      schools: ids.flatMap((id) => schoolsIn.get(id) ?? []).map((s) => ({ id: s.id, name: s.name })),
    });
    pages++;
  }
  for (const file of readdirSync(join(dataDir, 'content/policies'))) {
    const text = readFileSync(join(dataDir, 'content/policies', file), 'utf8');
    writeFileSync(join(out, 'content/policies', file.replace(/\.mdx$/, '.md')), text);
    pages++;
  }
  const version = /v[\d.]+/.exec(spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout ?? '')?.[0] ?? 'hugo';
  return { pages, version };
}
