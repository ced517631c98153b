// 致贫原因 and 贫困户属性: present where required, and backed by who lives in the household.
import { STATUS_LABELS } from '../../status.ts';
import type { HouseholdStatus } from '../../status.ts';
import { blank, currentMembers } from '../facts.ts';
import type { RuleCheck } from '../types.ts';

/** 建档立卡 households proper (not the monitoring-era categories). */
const FILED: readonly HouseholdStatus[] = ['poor', 'exited', 'returned'];
const SICK = new Set(['长期慢性病', '患有大病']);
const NOT_STUDENT = new Set(['非在校生', '学龄前儿童']);
const WORKERS = new Set(['普通劳动力', '技能劳动力']);
const LACK_OF_LABOUR = new Set(['缺劳力', '缺劳动力']);
const MAX_OTHER_CAUSES = 2;

export const causeRules: RuleCheck[] = [
  {
    code: 'Q501',
    severity: 'warning',
    title: '因病致贫但无病患',
    check(facts) {
      if (facts.household.mainCause !== '因病') return [];
      if (currentMembers(facts).some((m) => m.health != null && SICK.has(m.health))) return [];
      return [{ field: 'mainCause', message: '主要致贫原因为“因病”，但户内没有健康状况为“长期慢性病”或“患有大病”的成员，请核实致贫原因或成员健康状况' }];
    },
  },
  {
    code: 'Q502',
    severity: 'warning',
    title: '因残致贫但无残疾人',
    check(facts) {
      if (facts.household.mainCause !== '因残') return [];
      if (currentMembers(facts).some((m) => m.health === '残疾')) return [];
      return [{ field: 'mainCause', message: '主要致贫原因为“因残”，但户内没有健康状况为“残疾”的成员，请核实致贫原因或成员健康状况' }];
    },
  },
  {
    code: 'Q503',
    severity: 'warning',
    title: '因学致贫但无在校生',
    check(facts) {
      if (facts.household.mainCause !== '因学') return [];
      if (currentMembers(facts).some((m) => !blank(m.schoolStatus) && !NOT_STUDENT.has(m.schoolStatus!.trim()))) return [];
      return [{ field: 'mainCause', message: '主要致贫原因为“因学”，但户内没有在校生，请核实致贫原因或成员在校生状况' }];
    },
  },
  {
    code: 'Q504',
    severity: 'warning',
    title: '缺劳力却有两个以上劳动力',
    check(facts) {
      const cause = facts.household.mainCause;
      if (cause == null || !LACK_OF_LABOUR.has(cause)) return [];
      const workers = currentMembers(facts).filter((m) => m.labourAbility != null && WORKERS.has(m.labourAbility));
      if (workers.length < 2) return [];
      const names = workers.map((m) => m.name).join('、');
      return [
        {
          field: 'mainCause',
          message: `主要致贫原因为“${cause}”，但户内有${workers.length}个劳动力（${names}），请核实致贫原因或成员劳动技能`,
        },
      ];
    },
  },
  {
    code: 'Q505',
    severity: 'error',
    title: '其他致贫原因不合规',
    check(facts) {
      const { mainCause, otherCauses } = facts.household;
      const others = otherCauses ?? [];
      const problems: string[] = [];
      if (others.length > MAX_OTHER_CAUSES) problems.push(`选了${others.length}项（${others.join('、')}），最多只能选${MAX_OTHER_CAUSES}项`);
      if (!blank(mainCause) && others.includes(mainCause!)) problems.push(`“${mainCause!}”与主要致贫原因重复`);
      if (problems.length === 0) return [];
      return [{ field: 'otherCauses', message: `其他致贫原因${problems.join('；')}，请改正` }];
    },
  },
  {
    code: 'Q506',
    severity: 'error',
    title: '建档户缺少主要致贫原因',
    check(facts) {
      const { status, mainCause } = facts.household;
      if (!FILED.includes(status) || !blank(mainCause)) return [];
      return [{ field: 'mainCause', message: `本户为${STATUS_LABELS[status]}，但未填主要致贫原因，请补录` }];
    },
  },
  {
    code: 'Q507',
    severity: 'warning',
    title: '建档户缺少贫困户属性',
    check(facts) {
      const { status, attribute } = facts.household;
      if (!FILED.includes(status) || !blank(attribute)) return [];
      return [{ field: 'attribute', message: `本户为${STATUS_LABELS[status]}，但未填贫困户属性（一般贫困户 / 低保贫困户 / 特困供养贫困户），请补录` }];
    },
  },
];
