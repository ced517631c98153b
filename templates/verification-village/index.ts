// 贫困村出列验收表: the village's exit standards (seed 000) — poor population all exited,
// 贫困发生率, per-capita income against 70 % of the provincial average, collective operating
// income against 50,000 元 — and the village checklist, each 达标 / 未达标 with the figures.
import type { Block, Cell, FormPage } from '../layout/blocks.ts';
import { orBlank } from '../layout/format.ts';

export interface VillageCheckItem {
  label: string;
  standard: string;
  detail: string;
  /** Null when the archive lacks what is needed to judge (the detail says what). */
  met: boolean | null;
}

export interface VerificationVillageModel {
  title: string;
  county: string;
  township: string;
  village: { code: string; name: string; isPoorVillage: boolean; exitYear: number | null; firstSecretary: string | null; workTeam: string | null };
  year: number;
  printedOn: string;
  households: number;
  members: number;
  ruralPopulation: number | null;
  items: VillageCheckItem[];
  /** The village checklist (九有/八有…) of the year, each item as recorded. */
  checklist: VillageCheckItem[];
  qualifies: boolean;
}

/** What each usual checklist item means when it is met (other items print as recorded). */
export const CHECKLIST_STANDARDS: Readonly<Record<string, string>> = {
  主导产业: '有一个以上带动贫困户增收的主导产业',
  集体经济收入: '村集体经济有稳定收入来源',
  群众服务中心: '有综合性的村级公共服务中心（群众服务中心）',
  通硬化路: '行政村通硬化路，具备条件的通客运班车',
  安全饮水: '95%以上农户解决安全饮水',
  农网: '农网改造完成，生产生活用电有保障',
  广电宽带: '通广播电视和宽带网络',
  卫生室: '有标准化村卫生室和合格村医',
  清洁能源: '推广使用清洁能源',
  学校: '义务教育学校或教学点达标',
};

export function checklistStandard(item: string): string {
  return CHECKLIST_STANDARDS[item] ?? `${item}达到省定标准`;
}

const L = (text: string, span = 1): Cell => ({ text, label: true, span });
const V = (text: string, span = 1): Cell => ({ text, span });
const verdict = (met: boolean | null): Cell => ({ options: { options: ['达标', '未达标'], chosen: met == null ? [] : [met ? '达标' : '未达标'] } });

function itemRows(items: readonly VillageCheckItem[], from: number): Cell[][] {
  return items.map((item, i) => [V(String(from + i)), L(item.label), V(item.standard), V(item.detail), verdict(item.met)]);
}

export function verificationVillagePage(m: VerificationVillageModel): FormPage {
  const v = m.village;
  const columns = [1, 4, 6, 8, 5];
  const conclusion = ['符合出列条件，同意出列', '不符合出列条件，暂缓出列'];
  const blocks: Block[] = [
    { type: 'title', text: m.title, subtitle: `（${m.year}年度）` },
    { type: 'meta', left: `${m.county}\u3000${m.township}\u3000${v.name}`, right: `区划代码：${v.code}` },
    {
      type: 'grid',
      columns: [3, 5, 3, 5, 3, 5],
      rows: [
        [L('行政村'), V(v.name), L('是否贫困村'), V(v.isPoorVillage ? '是' : '否'), L('出列年度'), V(orBlank(v.exitYear))],
        [L('档案户数'), V(`${m.households} 户`), L('档案人数'), V(`${m.members} 人`), L('农村人口'), V(m.ruralPopulation == null ? '未填写' : `${m.ruralPopulation} 人`)],
        [L('第一书记'), V(orBlank(v.firstSecretary)), L('驻村工作队'), V(orBlank(v.workTeam), 3)],
      ],
    },
    { type: 'gap', lines: 0.6 },
    { type: 'grid', columns, rows: [[L('序号'), L('验收指标'), L('验收标准'), L('核查情况（档案记录）'), L('结论')]] },
    { type: 'grid', columns, rows: itemRows(m.items, 1) },
  ];
  if (m.checklist.length) {
    blocks.push({ type: 'section', text: '基本公共服务和基础设施（村情档案）' }, { type: 'grid', columns, rows: itemRows(m.checklist, m.items.length + 1) });
  }
  blocks.push(
    { type: 'grid', columns: [5, 19], rows: [[L('验收结论'), { options: { options: conclusion, chosen: [m.qualifies ? conclusion[0]! : conclusion[1]!] } }]] },
    { type: 'signatures', items: ['村党组织书记（签字）：', '村委会主任（签字）：'] },
    { type: 'signatures', items: ['驻村第一书记（签字）：', '乡镇验收组组长（签字）：'], dated: true },
    { type: 'seal', issuer: `${m.township}人民政府`, date: '　　　　年　　月　　日' },
  );
  return { where: `${v.name}（${v.code}）`, blocks };
}
