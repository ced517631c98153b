import { describe, expect, it } from 'vitest';
import type { VillageView } from '../../shared/api/index.ts';
import { villageInput, villageValues, villageYearInput, yearValues } from './village-forms.ts';

const village = { id: 'v1', code: '511922101001', name: '青龙村', isPoorVillage: true, exitYear: 2019, firstSecretary: null, firstSecretaryPhone: null, workTeam: null, years: [{ year: 2025, ruralHouseholds: 300, ruralPopulation: 1200, perCapitaIncomeFen: 1_500_000, collectiveIncomeFen: null, checklist: { 旧项目: true } }] } as unknown as VillageView;

describe('village forms', () => {
  it('turns typed facts into the save input, refusing a year in words', () => {
    const v = { ...villageValues(village), firstSecretary: ' 王书记 ', exitYear: '2019' };
    expect(villageInput('v1', v)).toEqual({ ok: true, input: { id: 'v1', code: '511922101001', name: '青龙村', isPoorVillage: true, exitYear: 2019, firstSecretary: '王书记', firstSecretaryPhone: null, workTeam: null } });
    expect(villageInput(null, { ...v, exitYear: '二〇一九' })).toEqual({ ok: false, message: '出列年度应为整数（如 356），现填“二〇一九”。' });
  });

  it('fills a year from what is recorded (the standard items plus any other kept), money in yuan', () => {
    const y = yearValues(village, 2025, ['主导产业']);
    expect(y).toMatchObject({ year: '2025', ruralHouseholds: '300', perCapitaIncome: '15000.00', collectiveIncome: '', checklist: { 主导产业: false, 旧项目: true } });
    expect(villageYearInput('v1', { ...y, collectiveIncome: '56,000', ruralPopulation: '1,234' })).toEqual({
      ok: true,
      input: { villageId: 'v1', year: 2025, ruralHouseholds: 300, ruralPopulation: 1234, perCapitaIncomeFen: 1_500_000, collectiveIncomeFen: 5_600_000, checklist: { 主导产业: false, 旧项目: true } },
    });
    expect(villageYearInput('v1', { ...y, collectiveIncome: '五万' })).toMatchObject({ ok: false });
    expect(villageYearInput('v1', { ...y, ruralHouseholds: '30.5' })).toEqual({ ok: false, message: '农村户数应为整数（如 356），现填“30.5”。' });
  });
});
