import { describe, expect, it } from 'vitest';
import { KINDS, WORKFLOW_KINDS, defaultChoice, kindFrom, resultingStatus } from './kinds.ts';
import { outcomeFrom } from './labels.ts';
import { quotaFlag } from './quota.ts';

describe('workflow kinds as data', () => {
  it('every kind has distinct step codes, at least one publicity step and one deliberation step', () => {
    for (const k of WORKFLOW_KINDS) {
      const def = KINDS[k];
      expect(new Set(def.steps.map((s) => s.code)).size).toBe(def.steps.length);
      expect(def.steps.some((s) => s.publicity)).toBe(true);
      expect(def.steps.some((s) => s.meeting)).toBe(true);
    }
  });

  it('identification and edge follow 申请 → 评议 → 核实 → 公示 → 审核 → 公示 → 复审 → 公告 with 7 days; monitoring one 5-day publicity', () => {
    expect(KINDS.identification.steps.map((s) => s.label)).toEqual(['农户申请', '民主评议', '入户核实', '村级公示', '乡镇审核', '乡镇审核公示', '县级复审', '公告']);
    expect(KINDS.edge.steps).toBe(KINDS.identification.steps);
    expect([KINDS.identification.publicityDays, KINDS.edge.publicityDays, KINDS.exit.publicityDays]).toEqual([7, 7, 7]);
    expect(KINDS.monitoring.publicityDays).toBe(5);
    expect(KINDS.monitoring.steps.filter((s) => s.publicity)).toHaveLength(1);
    expect(KINDS['risk-removal'].publicityDays).toBe(5);
  });

  it('maps the passed procedure to the status DOMAIN.md names', () => {
    expect(resultingStatus(KINDS.identification, 'ordinary', null)).toBe('poor');
    expect(resultingStatus(KINDS.edge, 'ordinary', null)).toBe('edge');
    expect(resultingStatus(KINDS.exit, 'poor', null)).toBe('exited');
    expect(resultingStatus(KINDS.return, 'exited', null)).toBe('returned');
    expect(resultingStatus(KINDS.monitoring, 'exited', '脱贫不稳定户')).toBe('unstable');
    expect(resultingStatus(KINDS.monitoring, 'ordinary', '边缘易致贫户')).toBe('edge');
    expect(resultingStatus(KINDS.monitoring, 'ordinary', '突发严重困难户')).toBe('sudden');
    expect(resultingStatus(KINDS['risk-removal'], 'unstable', '帮扶消除')).toBe('unstable');
    expect(defaultChoice('monitoring', 'exited')).toBe('脱贫不稳定户');
    expect(defaultChoice('monitoring', 'ordinary')).toBe('边缘易致贫户');
  });

  it('reads kinds and outcomes by code or Chinese label', () => {
    expect(kindFrom('贫困边缘户认定')).toBe('edge');
    expect(kindFrom('risk-removal')).toBe('risk-removal');
    expect(kindFrom('别的')).toBeNull();
    expect(outcomeFrom('不通过')).toBe('fail');
    expect(outcomeFrom('return')).toBe('return');
    expect(outcomeFrom('同意')).toBeNull();
  });
});

describe('quota flag', () => {
  const use = { villageId: 'v', villageName: '青山村', quota: 5, used: 5 };
  it('flags only over quota, with the numbers', () => {
    expect(quotaFlag(use, 2026, '贫困边缘户认定')).toMatchObject({ over: 0, message: null });
    const over = quotaFlag({ ...use, used: 7 }, 2026, '贫困边缘户认定');
    expect(over.over).toBe(2);
    expect(over.message).toBe('青山村2026年贫困边缘户认定规模为 5 户，已纳入 7 户，超出 2 户：请核实是否报县里调整规模');
    expect(quotaFlag({ ...use, quota: null, used: 40 }, 2026, 'x').over).toBe(0);
  });
});
