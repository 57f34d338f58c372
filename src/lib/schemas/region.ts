import { z } from 'zod';
import { optionalInt, optionalRef, optionalText, pipeList, requiredText, slug, optionalSourceRefs } from './common.ts';

export const regionLevels = ['province', 'city', 'district'] as const;
export const regionLevelLabels: Record<(typeof regionLevels)[number], string> = {
  province: '省级',
  city: '地市级',
  district: '区县级',
};

/** data/regions.csv — a province, city or district/county. */
export const regionSchema = z.object({
  id: slug,
  name: requiredText(40),
  level: z.enum(regionLevels, { message: '必须是 province、city 或 district' }),
  /** Municipalities (直辖市) are provinces whose children are districts. */
  municipality: z.enum(['yes', 'no', ''], { message: '写 yes 或留空' }).transform((v) => v === 'yes'),
  parent: optionalRef,
  aliases: pipeList(),
  /** A count of child regions a source states without naming them (天津's 16 districts). */
  reported_children: optionalInt,
  source: optionalSourceRefs,
  note: optionalText(),
});
export type Region = z.infer<typeof regionSchema>;
