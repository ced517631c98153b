import { describe, expect, it } from 'vitest';
import { exitCheck } from './exit-check.ts';
import type { ExitCheckInput } from './exit-check.ts';

const ok = { foodOk: true, clothingOk: true, educationOk: true, medicalOk: true, housingOk: true, waterOk: true };
const input = (over: Partial<ExitCheckInput> = {}): ExitCheckInput => ({
  current: { year: 2020, standardFen: 400_000, perCapitaFen: 650_000 },
  previous: null,
  assessment: ok,
  relocation: null,
  housingArea: 90,
  size: 3,
  welfarePerCapitaFen: null,
  seriouslyIll: [],
  ...over,
});

describe('exit check', () => {
  it('qualifies a household that meets every item', () => {
    const r = exitCheck(input());
    expect(r.qualifies).toBe(true);
    expect(r.reasons).toEqual([]);
    expect(r.items.map((i) => i.code)).toEqual(['income', 'food', 'clothing', 'education', 'medical', 'housing', 'water', 'relocation', 'welfare', 'illness']);
    expect(r.items.filter((i) => i.veto).map((i) => i.label)).toEqual(['人均纯收入', '易地扶贫搬迁', '低保兜底', '大病救助']);
  });

  it('income must be above the standard: equal is not enough (one-vote veto)', () => {
    expect(exitCheck(input({ current: { year: 2020, standardFen: 400_000, perCapitaFen: 400_001 } })).qualifies).toBe(true);
    const r = exitCheck(input({ current: { year: 2020, standardFen: 400_000, perCapitaFen: 400_000 } }));
    expect(r.qualifies).toBe(false);
    expect(r.reasons).toEqual(['【一票否决】人均纯收入：2020年人均纯收入 4,000.00 元，脱贫标准 4,000.00 元，未高于标准']);
  });

  it('says what is missing rather than guessing', () => {
    expect(exitCheck(input({ current: { year: 2020, standardFen: 400_000, perCapitaFen: null } })).reasons[0]).toMatch(/没有2020年的收入记录/);
    expect(exitCheck(input({ current: { year: 2020, standardFen: null, perCapitaFen: 650_000 } })).reasons[0]).toMatch(/没有2020年的脱贫标准/);
    const none = exitCheck(input({ assessment: null }));
    expect(none.reasons).toEqual(['“两不愁三保障”及饮水安全：没有2020年“两不愁三保障”评估记录，请先入户评估']);
  });

  it('lists each 两不愁三保障 item not met, veto items first', () => {
    const r = exitCheck(input({ assessment: { ...ok, housingOk: false, waterOk: null }, seriouslyIll: [{ name: '张大', insured: false }] }));
    expect(r.reasons).toEqual([
      '【一票否决】大病救助：张大患有大病，未同时参加基本医保和大病保险',
      '住房安全有保障：未达标',
      '饮水安全有保障：评估记录中未填写，请补填',
    ]);
  });

  it('a relocated household needs safe housing of 25 ㎡ a person (seed 000)', () => {
    expect(exitCheck(input({ relocation: '集中安置', housingArea: 75, size: 3 })).qualifies).toBe(true);
    const r = exitCheck(input({ relocation: '集中安置', housingArea: 74, size: 3 }));
    expect(r.reasons).toEqual(['【一票否决】易地扶贫搬迁：搬迁户：安全住房人均 24.7 ㎡，不足 25 ㎡']);
  });

  it('a 低保 household’s 保障性 income must exceed the standard', () => {
    expect(exitCheck(input({ welfarePerCapitaFen: 400_100 })).qualifies).toBe(true);
    expect(exitCheck(input({ welfarePerCapitaFen: 350_000 })).reasons[0]).toMatch(/^【一票否决】低保兜底：人均保障性（转移性）收入 3,500.00 元/);
  });

  it('with the two-year rule (seed 002) the year before must also be above its standard', () => {
    const prev = { year: 2019, standardFen: 380_000, perCapitaFen: 370_000 };
    const r = exitCheck(input({ previous: prev }));
    expect(r.qualifies).toBe(false);
    expect(r.reasons).toEqual(['连续两年达到脱贫标准：2019年人均纯收入 3,700.00 元，脱贫标准 3,800.00 元，未高于标准']);
    expect(exitCheck(input({ previous: { ...prev, perCapitaFen: 390_000 } })).qualifies).toBe(true);
  });
});
