/** The data a policy page shows; the page file holds the markup and renders the MDX body. */
import type { Metric, PolicyTarget, Region, Source } from '../schemas/index.ts';
import { governanceLabels } from '../schemas/policy.ts';
import type { GroupRecord, Located, PolicyEntry } from '../data/dataset.ts';
import { regionAncestors, type DatasetIndex } from '../data/queries.ts';
import type { RecordFile } from './record.ts';

export interface PolicyView {
  policy: PolicyEntry;
  region: Located<Region>;
  ancestors: Located<Region>[];
  source: Located<Source>;
  /** The main source and the others the policy names. */
  sources: Located<Source>[];
  /** Governance points the policy states, and the labels of those it leaves out. */
  governance: { label: string; value: string }[];
  missing: string[];
  governedRegions: Located<Region>[];
  governedGroups: GroupRecord[];
  /** Each quantified target with the metric it names, when known. */
  targets: { target: PolicyTarget; metric: Located<Metric> | undefined }[];
  files: RecordFile[];
}

export function policyView(idx: DatasetIndex, id: string): PolicyView {
  const policy = idx.policy.get(id);
  if (!policy) throw new Error(`没有标识为 ${id} 的政策`);
  const keys = Object.keys(governanceLabels) as (keyof typeof governanceLabels)[];
  return {
    policy,
    region: idx.region.get(policy.region)!,
    ancestors: regionAncestors(idx, policy.region),
    source: idx.source.get(policy.source)!,
    sources: [policy.source, ...policy.sources].flatMap((s) => idx.source.get(s) ?? []),
    governance: keys.flatMap((key) => {
      const value = policy.governance[key];
      return value ? [{ label: governanceLabels[key], value }] : [];
    }),
    missing: keys.filter((key) => !policy.governance[key]).map((key) => governanceLabels[key]),
    governedRegions: [...new Set([policy.region, ...policy.regions])].flatMap((r) => idx.region.get(r) ?? []),
    governedGroups: policy.groups.flatMap((g) => idx.group.get(g) ?? []),
    targets: policy.targets.map((target) => ({ target, metric: target.metric ? idx.metric.get(target.metric) : undefined })),
    files: [{ file: policy._file }],
  };
}
