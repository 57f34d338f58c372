/** Groups: about one per five schools, 2–12 members, mostly within a district; their memberships and designations. */
import { listSourceOf, year, type Country, type GroupRec, type RegionRec, type SchoolRec } from './context.ts';
import { GROUP_TYPES, MODELS } from './vocabulary.ts';

export function addGroups(c: Country): void {
  for (const d of c.districts) groupsInDistrict(c, d);
}

function groupsInDistrict(c: Country, d: RegionRec): void {
  const { r } = c;
  const list = c.schoolsByDistrict.get(d.id) ?? [];
  if (list.length < 2) return;
  const pool = r.shuffle(list.filter((s) => s.unit === 'school'));
  const leads = pool.filter((s) => s.famous);
  const others = pool.filter((s) => !s.famous);
  const target = Math.max(1, Math.round(list.length * 0.2));
  // The next school in `others` not yet taken, shared by the leads and the members of every group here.
  const cursor = { o: 0 };
  for (let g = 0; g < target; g++) {
    const lead = leads[g] ?? others[cursor.o++];
    if (!lead) break;
    const group = foundGroup(c, d, lead);
    addMembers(c, group, list, others, cursor);
    if (r.chance(0.05))
      c.tables.designations.row(
        group.rec.id,
        '',
        r.chance(0.3) ? 'provincial' : 'city',
        r.chance(0.3) ? '省级优质教育集团' : '市级优质教育集团',
        year(r.int(Math.max(group.rec.founded, 2020), 2024)),
        group.src,
        '',
      );
  }
}

interface Founded {
  rec: GroupRec;
  type: string;
  src: string;
}

/** A group led by `lead`: its row in groups.csv. */
function foundGroup(c: Country, d: RegionRec, lead: SchoolRec): Founded {
  const { r } = c;
  const size = Math.min(12, 2 + Math.floor(-Math.log(1 - r.next() * 0.999) * 2.2));
  const id = `g${(c.groups.length + 1).toString(36)}`;
  const type = lead.unit === 'school' && r.chance(0.08) ? 'multi-campus' : r.pick(GROUP_TYPES);
  const founded = r.int(2014, 2023);
  const ended = r.chance(0.02) ? Math.min(2025, founded + r.int(2, 5)) : undefined;
  const name = type === 'alliance' ? `${lead.name}教育联盟` : type === 'community' ? `${lead.name}教育发展共同体` : `${lead.name}教育集团`;
  const cross = r.chance(0.08) && d.city!.level === 'city';
  const region = cross ? d.city!.id : d.id;
  const src = r.chance(0.5) ? `${listSourceOf(d.id)}` : `${d.city!.id}-news`;
  const models = type === 'alliance' ? '' : r.chance(0.7) ? r.pick(MODELS) : '';
  const reported = r.chance(0.05) ? size + r.int(1, 6) : undefined;
  c.tables.groups.row(
    id,
    name.length > 60 ? `${lead.name.slice(0, 50)}教育集团` : name,
    region,
    type,
    models,
    r.chance(0.7) ? year(founded) : `${founded}-${String(r.int(1, 12)).padStart(2, '0')}`,
    ended ? year(ended) : '',
    reported ?? '',
    reported ? '来源称成员校数量，未列全部校名' : '',
    r.chance(0.1) ? 3 : '',
    '',
    type === 'alliance' ? '' : lead.aliases[0] ? `${lead.aliases[0]}集团` : '',
    src,
    '',
  );
  const rec: GroupRec = { id, region, founded, ended, size, lead };
  c.groups.push(rec);
  return { rec, type, src };
}

/** The lead, its campuses, then members from `others` until the group has its size; some leave, a few move on. */
function addMembers(c: Country, { rec, type, src }: Founded, list: SchoolRec[], others: SchoolRec[], cursor: { o: number }): void {
  const { r } = c;
  const { id, region, founded, ended, size, lead } = rec;
  const foundedText = year(founded);
  const role = type === 'alliance' ? 'alliance' : 'member';
  // The lead, then members; campuses of the lead join as campuses.
  c.leadLines.push(
    c.tables.memberships.row(
      id,
      lead.id,
      'lead',
      r.pick(['核心校', '牵头校', '引领校', '']),
      foundedText,
      ended ? year(ended) : '',
      src,
      '',
    ),
  );
  lead.groups++;
  const campuses = list.filter((s) => s.parent === lead.id);
  for (const campus of campuses.slice(0, 2)) {
    c.tables.memberships.row(id, campus.id, 'campus', '校区', foundedText, ended ? year(ended) : '', src, '');
    campus.groups++;
  }
  let members = 1 + Math.min(2, campuses.length);
  while (members < size && cursor.o < others.length) {
    const s = others[cursor.o++]!;
    if (s.groups > 0) continue;
    members++;
    s.groups++;
    const late = r.chance(0.2);
    const joinedYear = late ? Math.min(2024, ended ?? 2024, founded + r.int(1, 3)) : founded;
    const joined = r.chance(0.01)
      ? `${joinedYear}-09/${joinedYear + 1}-08`
      : late && r.chance(0.5)
        ? `${joinedYear}-${String(r.int(1, 12)).padStart(2, '0')}`
        : year(joinedYear);
    let left = ended ? year(ended) : '';
    let note = '';
    if (!ended && r.chance(0.08)) {
      const leftYear = Math.min(2025, joinedYear + r.int(1, 4));
      left = year(leftYear);
      note = `${leftYear}年退出`;
      // Some schools that left join another group later: the history a parent asks about.
      if (r.chance(0.3) && c.groups.length > 1) {
        const other = c.groups[c.groups.length - 2]!;
        if (other.region === region && !other.ended) {
          c.tables.memberships.row(other.id, s.id, role, '', year(Math.max(leftYear, other.founded)), '', src, '由其他集团转入');
          s.groups++;
        }
      }
    }
    c.tables.memberships.row(id, s.id, role, role === 'alliance' ? '联盟校' : '成员校', joined, left, src, note);
  }
}
