// 结对帮扶 and 帮扶措施 on the household page: the helpers of the township, pairing a household
// with a helper for a period (a change of helper ends the old pairing the day before the new
// one starts), and the measures given to a household.
import { z } from 'zod';
import type { MeasureRecord, PairingRecord } from '../records.ts';
import { endpoint } from './endpoint.ts';
import { EDIT } from '../roles.ts';
import { fen, id, isoDate, optionalText, text, year } from './schemas.ts';

export interface HelperView {
  id: string;
  name: string;
  unit: string | null;
  unitLevel: string | null;
  post: string | null;
  phone: string | null;
  /** Households paired with this helper today. */
  households: number;
}

export const helperInput = z.object({
  id: z.string().nullable().default(null),
  name: text('帮扶责任人姓名', 20).min(1, '请填写帮扶责任人姓名'),
  unit: optionalText('单位名称', 60),
  unitLevel: optionalText('单位隶属', 10),
  post: optionalText('职务', 30),
  phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, '联系电话应为11位手机号或带区号的座机').nullable().default(null),
});

export const measureInput = z.object({
  id: z.string().nullable().default(null),
  householdId: id,
  helperId: z.string().nullable().default(null),
  year,
  category: text('帮扶措施类别', 20).min(1, '请选择帮扶措施类别'),
  content: optionalText('帮扶内容', 200),
  startOn: isoDate.nullable().default(null),
  endOn: isoDate.nullable().default(null),
  amountFen: fen('金额').nullable().default(null),
  result: optionalText('帮扶成效', 200),
});

export const helpApi = {
  helpers: endpoint<HelperView[]>()('help.helpers', z.object({})),
  saveHelper: endpoint<HelperView>()('help.saveHelper', helperInput, EDIT),
  pair: endpoint<PairingRecord>()('help.pair', z.object({ householdId: id, helperId: id, startOn: isoDate }), EDIT),
  endPairing: endpoint<PairingRecord>()('help.endPairing', z.object({ pairingId: id, endOn: isoDate }), EDIT),
  saveMeasure: endpoint<MeasureRecord>()('help.saveMeasure', measureInput, EDIT),
  deleteMeasure: endpoint<{ deleted: string }>()('help.deleteMeasure', z.object({ id }), EDIT),
};
