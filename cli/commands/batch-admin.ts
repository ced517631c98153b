// `batch` verbs around the batches: quotas per village, the exit check, and each kind's
// settings (minimum publicity days, the two-year exit rule).
import { exitChecks } from '../../core/workflows/exit-checks.ts';
import { listQuotas, saveQuota } from '../../core/workflows/quotas.ts';
import { batchIdOf, householdIdsByNo, villageIdsByCode } from '../../core/workflows/refs.ts';
import { listKinds, saveKindSettings } from '../../core/workflows/settings.ts';
import { UserError } from '../../shared/errors.ts';
import { optionalString, requireString } from '../args.ts';
import { emit } from '../io.ts';
import type { Verb } from './batch-verbs.ts';
import { intValue, kindOption, optionalList } from './batch-verbs.ts';
import { API } from '../../shared/api/index.ts';

const quota: Verb = {
  args: '--year 年度 [--kind 类型] [--village 村代码 --households 户数]',
  summary: '规模控制：列出各村规模和已纳入户数；给出 --village 和 --households 时设定规模（超规模只提示，不阻止）',
  acts: (argv) => (argv.includes('--households') ? API.workflows.saveQuota : API.workflows.quotas),
  options: { year: { type: 'string' }, kind: { type: 'string' }, village: { type: 'string' }, households: { type: 'string' } },
  run(c) {
    const { db } = c.archive;
    const year = intValue(c.p, 'year', c.usage, [2000, 2100]);
    const kind = kindOption(c.p, c.usage, false);
    const village = optionalString(c.p, 'village');
    if (village !== undefined) {
      if (!kind) throw new UserError(`设定规模须给出 --kind。\n用法：${c.usage}`, { kind: 'usage' });
      saveQuota(db, c.actor, { villageId: villageIdsByCode(db, [village])[0]!, year, kind, households: intValue(c.p, 'households', c.usage, [0, 100_000]) });
    }
    const quotas = listQuotas(db, year, kind);
    emit(c.io, { quotas }, () =>
      quotas.length
        ? quotas.map((q) => `${q.villageName}（${q.villageCode}）${q.kindLabel}：规模 ${q.quota ?? '未设定'}，已纳入 ${q.used} 户${q.message ? `  ${q.message}` : ''}`).join('\n')
        : `${year}年还没有设定规模，也没有纳入批次的农户。`,
    );
    return 0;
  },
};

const exitCheck: Verb = {
  args: '--year 年度 (--batch 编号 | --household 户编号,…)',
  summary: '脱贫退出核查：人均纯收入、“两不愁三保障”及饮水安全、一票否决项，逐户说明不达标的原因',
  acts: API.workflows.exitCheck,
  options: { year: { type: 'string' }, batch: { type: 'string' }, household: { type: 'string' } },
  run(c) {
    const { db } = c.archive;
    const ref = optionalString(c.p, 'batch');
    const nos = optionalList(c.p, 'household');
    if (ref === undefined && nos.length === 0) throw new UserError(`请给出 --batch 或 --household。\n用法：${c.usage}`, { kind: 'usage' });
    const households = exitChecks(db, { year: intValue(c.p, 'year', c.usage, [2000, 2100]), batchId: ref === undefined ? null : batchIdOf(db, ref), householdIds: householdIdsByNo(db, nos) });
    emit(c.io, { households }, () => households.map((h) => `${h.household}：${h.qualifies ? '达到退出标准' : `未达到退出标准\n    ${h.reasons.join('\n    ')}`}`).join('\n'));
    return 0;
  },
};

const settings: Verb = {
  args: '[--kind 类型 --publicity-days 天数] [--two-years yes|no]',
  summary: '各类程序的设置：公示最少天数（识别、边缘户、退出默认7天，监测默认5天）；退出是否要求连续两年达标',
  acts: (argv) => (argv.includes('--publicity-days') || argv.includes('--two-years') ? API.workflows.saveSettings : API.workflows.kinds),
  options: { kind: { type: 'string' }, 'publicity-days': { type: 'string' }, 'two-years': { type: 'string' } },
  run(c) {
    const kind = kindOption(c.p, c.usage, false);
    if (kind) {
      const two = optionalString(c.p, 'two-years');
      if (two !== undefined && !['yes', 'no'].includes(two)) throw new UserError('参数 --two-years 应为 yes 或 no。', { kind: 'usage' });
      saveKindSettings(c.archive.db, c.actor, { kind, publicityDays: intValue(c.p, 'publicity-days', c.usage, [1, 60]), requireTwoYears: two === undefined ? null : two === 'yes' });
    } else if (c.p.values['publicity-days'] !== undefined) {
      requireString(c.p, 'kind', c.usage);
    }
    const kinds = listKinds(c.archive.db);
    emit(c.io, { kinds }, () =>
      kinds.map((k) => `${k.label}（${k.kind}）：${k.steps.map((s) => s.label).join(' → ')}；公示不少于 ${k.publicityDays} 天${k.kind === 'exit' ? `；${k.requireTwoYears ? '要求' : '不要求'}连续两年达标` : ''}`).join('\n'),
    );
    return 0;
  },
};

export const adminVerbs: Record<string, Verb> = { quota, 'exit-check': exitCheck, settings };
