/**
 * The Frictionless Data Package describing the CSV downloads, generated from the
 * zod schemas so the published Table Schema and the validator cannot drift apart.
 */
import { z } from 'zod';
import { DATE_RULE } from '../fuzzy-date.ts';
import { optionalSourceRefs, sourceRefs } from '../schemas/common.ts';
import { csvDatasetNames, csvDatasets, type CsvDatasetName } from '../schemas/index.ts';

/** The fuzzy-date grammar of src/lib/fuzzy-date.ts as a pattern (empty allowed). */
const FUZZY_DATE_PATTERN = '(|\\d{4}(-\\d{2}(-\\d{2})?)?|--\\d{2}(-\\d{2})?|\\d{4}(-\\d{2}(-\\d{2})?)?/\\d{4}(-\\d{2}(-\\d{2})?)?)';
const DATE_COLUMNS = new Set(['founded', 'ended', 'joined', 'left', 'date', 'original_date']);

/**
 * Columns that name a record in another table; the validator checks the same references.
 * `source` is not among them: it may list several ids ("a|b"), which a Table Schema
 * foreign key cannot follow; its description says so and the validator checks each id.
 */
const foreignKeys: Partial<Record<CsvDatasetName, Record<string, CsvDatasetName>>> = {
  sources: { via: 'sources' },
  regions: { parent: 'regions' },
  schools: { region: 'regions', stage: 'terms', parent_school: 'schools' },
  groups: { region: 'regions', type: 'terms', related_group: 'groups', stage: 'terms' },
  memberships: { group: 'groups', school: 'schools' },
  designations: { group: 'groups', region: 'regions' },
  statistics: { region: 'regions', metric: 'metrics', stage: 'terms' },
};
const SLUG = '[a-z0-9]+(-[a-z0-9]+)*';

/** What the columns that keep a source's own words mean, for a reader of the package alone. */
const DESCRIPTIONS: Record<string, string> = {
  read_at: '读取网址的日期 YYYY-MM-DD',
  original_publisher: '转载、镜像时：原文的发布者',
  original_url: '转载、镜像时：原文的网址',
  via: '经由哪份数据汇编（sources.csv 中 kind 为 dataset 的 id）读到',
  version: '数据汇编读取的版本（提交号、标签或版本号）',
  members_listed: 'complete：来源列出了全部成员；partial：只列出部分；空：不清楚',
  listed_as: '来源在集团名单里对这所学校的叫法（与校名不同时）',
  basis: 'stated 或空：来源写明；inferred：编辑推断，依据写在 note',
  wording: '来源的原话（约900所、2—4所）；网页显示它',
  value_max: '来源给出范围时的上限',
};

export interface TableSchemaField {
  name: string;
  type: 'string' | 'integer' | 'number';
  description?: string;
  constraints?: {
    required?: boolean;
    enum?: string[];
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
  };
}

interface JsonSchemaProperty {
  type?: string;
  enum?: string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  items?: JsonSchemaProperty;
}

const csvDatasetsSourceColumn = (zodField: unknown) => zodField === sourceRefs || zodField === optionalSourceRefs;

const unanchor = (p: string) => p.replace(/^\^/, '').replace(/\$$/, '');

/** One Table Schema field from the input side of a zod field (what a CSV cell must look like). */
function toField(name: string, prop: JsonSchemaProperty, required: boolean, zodField: unknown): TableSchemaField {
  const constraints: NonNullable<TableSchemaField['constraints']> = {};
  let type: TableSchemaField['type'] = 'string';
  let description: string | undefined;
  if (name === 'source' && csvDatasetsSourceColumn(zodField)) {
    description = '来源的标识（sources.csv 的 id）；另有来源证实或补充时，多个用 | 分隔';
    constraints.pattern = `(${SLUG}(\\|${SLUG})*)?`;
    required = zodField === sourceRefs;
  } else if (prop.type === 'array') {
    description = '多个值用 | 分隔';
    required = false;
  } else if (prop.type === 'integer' || prop.type === 'number') {
    type = prop.type;
    if (prop.minimum !== undefined) constraints.minimum = prop.minimum;
  } else if (DATE_COLUMNS.has(name)) {
    description = `日期：${DATE_RULE}`;
    constraints.pattern = FUZZY_DATE_PATTERN;
    required = false;
  } else if (name === 'read_at') {
    description = '读取网址的日期 YYYY-MM-DD';
    constraints.pattern = '(\\d{4}-\\d{2}-\\d{2})?';
    required = false;
  } else if (name === 'reported_members') {
    description = '来源写的成员数，照原样（4、约900、近20、10以上、2—4、20余）';
    required = false;
  } else if (name === 'url' || name === 'original_url') {
    // The validator takes the scheme in any case (HTTPS://) and only http(s).
    constraints.pattern = '([hH][tT][tT][pP][sS]?://[^\\s"\'<>]+)?';
    if (prop.maxLength) constraints.maxLength = prop.maxLength;
    required = false;
  } else {
    if (prop.enum) {
      const values = prop.enum.filter((v) => v !== '');
      if (values.length < prop.enum.length) required = false;
      constraints.enum = values;
    }
    if (prop.pattern) constraints.pattern = unanchor(prop.pattern);
    if (prop.minLength) constraints.minLength = prop.minLength;
    if (prop.maxLength) constraints.maxLength = prop.maxLength;
  }
  if (required) constraints.required = true;
  description ??= DESCRIPTIONS[name];
  if (name === 'name' && !required) description = '来源写的名称；空：来源没有写集团名称（网站按牵头校称呼它）';
  if (name === 'stage' && !required) description = '学段（terms.csv 中 kind 为 stage 的 id）；空：来源没有说明';
  return { name, type, ...(description ? { description } : {}), ...(Object.keys(constraints).length ? { constraints } : {}) };
}

export function tableSchema(name: CsvDatasetName) {
  const schema = csvDatasets[name].schema;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  const shape = schema.shape as Record<string, unknown>;
  const fields = Object.keys(shape).map((col) => toField(col, json.properties[col] ?? {}, required.has(col), shape[col]));
  const keys = foreignKeys[name] ?? {};
  return {
    fields,
    missingValues: [''],
    ...('id' in schema.shape ? { primaryKey: ['id'] } : {}),
    foreignKeys: Object.entries(keys).map(([field, resource]) => ({ fields: [field], reference: { resource, fields: ['id'] } })),
  };
}

export function dataPackage(options: { version: string; created?: string; homepage: string }) {
  return {
    name: 'jituan-banxue',
    title: '集团化办学数据',
    description: '中国中小学集团化办学（教育集团）的地区、学校、集团、成员关系、政策与统计数据，每条记录注明来源。',
    version: options.version,
    ...(options.created ? { created: options.created } : {}),
    homepage: options.homepage,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    resources: csvDatasetNames.map((name) => ({
      name,
      title: csvDatasets[name].title,
      path: `${name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      // An IANA name, as the spec asks (utf-8-sig is Python's alone); the files start with a BOM so Excel reads them as UTF-8.
      encoding: 'utf-8',
      schema: tableSchema(name),
    })),
  };
}
