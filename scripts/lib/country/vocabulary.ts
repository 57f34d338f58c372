/** The terms and metrics every generated country shares, and the kinds of group it draws from. */
import { headerOf } from './tables.ts';

const TERMS_ROWS = `tight,紧密型,group-type,管理、师资、教学统一安排的集团。,紧密型教育集团,gen-vocab
led,引领型,group-type,由引领校带动成员校，各校仍独立办学。,引领型教育集团,gen-vocab
alliance,联盟,group-type,学校之间较松散的合作组织，各校独立。,教育联盟,gen-vocab
community,共同体,group-type,城乡学校共同发展的合作组织。,教育发展共同体,gen-vocab
multi-campus,一校多区,group-type,一所学校同时管理几个校区。,一校三区,gen-vocab
one-plus-x,1+X,group-model,一所名校加若干所学校组成集团。,,gen-vocab
famous-plus-weak,名校+薄弱校,group-model,名校带办学基础较弱的学校。,,gen-vocab
famous-plus-rural,名校+乡村校,group-model,名校带乡村学校。,,gen-vocab
famous-plus-newly-built,名校+新建校,group-model,名校带新建学校。,,gen-vocab
primary,小学,stage,一到六年级。,,
junior,初中,stage,七到九年级。,初级中学,
nine-year,九年一贯制,stage,小学和初中连在一起的学校。,九年一贯制学校,
secondary,中学（学段未细分）,stage,学校名称只写“中学”。,,
unknown,学段不详,stage,看不出学段。,,
lead-school,牵头校,concept,集团里起带头作用的学校。,核心校|引领校,gen-vocab
member-school,成员校,concept,加入集团的学校。,成员学校,gen-vocab
campus,校区,concept,一所学校在不同地点的办学点。,,gen-vocab
`;
const METRICS_ROWS = `coverage-rate,集团化办学覆盖率,percent,参与集团化办学的学校数,义务教育阶段学校总数,参与学校占全部学校的百分比。,
group-count,教育集团数,count,教育集团的个数,,已组建的教育集团个数。,
participating-schools,参与学校数,count,参与集团化办学的学校数,,加入教育集团的学校数。,
quality-group-count,优质教育集团数,count,认定的优质教育集团个数,,经评估认定的优质教育集团个数。,
`;
export const GROUP_TYPES = ['tight', 'tight', 'led', 'led', 'alliance', 'community', 'multi-campus'];
export const MODELS = ['one-plus-x', 'famous-plus-weak', 'famous-plus-rural', 'famous-plus-newly-built'];

/** The fixed vocabulary files, under the header their schema gives. */
export const TERMS = `${headerOf('terms').join(',')}\n${TERMS_ROWS}`;
export const METRICS = `${headerOf('metrics').join(',')}\n${METRICS_ROWS}`;
