// 明白卡: one card per household, for a household, a batch, a village or the township
// (by default the registered and monitored households: ordinary households have no card).
import { REGISTERED_STATUSES } from '../../shared/status.ts';
import type { CardDocument } from '../../templates/card/index.ts';
import { cardBatch } from '../../templates/card/index.ts';
import type { DocContext } from './context.ts';
import { contactsView, noticePhones } from './contacts.ts';
import { householdFormsDef } from './forms-render.ts';
import { householdSource } from './scope.ts';

/** `phones`: local numbers the clerk adds for this print, after 12317 and the township's. */
export function cardDocument(ctx: DocContext, phones: readonly string[] = []): CardDocument {
  const contacts = contactsView(ctx.archive.db);
  return {
    township: ctx.township,
    year: ctx.year,
    printedOn: ctx.asOf,
    hotline: noticePhones(contacts, phones).join('、'),
    townshipPhone: contacts.officePhone,
    villagePhones: Object.fromEntries(contacts.villages.filter((v) => v.committeePhone).map((v) => [v.code, v.committeePhone!])),
  };
}

export const card = householdFormsDef({
  kind: 'card',
  audience: 'public',
  label: '明白卡',
  description: '挂在农户家中的帮扶明白卡：家庭情况和保障、帮扶责任人（含电话）、帮扶措施和成效、近三年收入与标准；身份证号和户电话隐去中间位',
  scopes: ['household', 'village', 'township', 'batch'],
  options: ['phones'],
  source: (ctx, req, limit) => householdSource(ctx, req, '明白卡', REGISTERED_STATUSES, limit),
  batch: (ctx, req) => cardBatch(cardDocument(ctx, req.options.phones)),
});
