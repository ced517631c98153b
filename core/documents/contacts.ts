// The contacts notices and 明白卡 print: 12317 always, then the township's own supervision
// phones and any the clerk adds for one notice; the 投诉监督地址; the township office's and the
// village committee's phones. Read and set here (every change audited), stored in the archive.
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { saveTownshipContacts, saveVillagePhone, townshipContacts, villageContacts } from '../../db/repos/contacts.ts';
import type { Actor } from '../../shared/actor.ts';
import type { ContactsInput, ContactsView } from '../../shared/api/documents.ts';
import { contactsInput } from '../../shared/api/documents.ts';
import { UserError } from '../../shared/errors.ts';
import { NATIONAL_HOTLINE } from './context.ts';


export function contactsView(db: ReadDb): ContactsView {
  const t = townshipContacts(db);
  return {
    township: t?.name ?? '',
    nationalHotline: NATIONAL_HOTLINE,
    supervisionPhones: t?.supervisionPhones ?? [],
    officeAddress: t?.officeAddress ?? null,
    officePhone: t?.officePhone ?? null,
    villages: villageContacts(db),
  };
}

const blankToNull = (s: string | null | undefined): string | null | undefined => (s === undefined ? undefined : s === null || s.trim() === '' ? null : s.trim());

export function saveContacts(db: Db, actor: Actor, raw: ContactsInput): ContactsView {
  const parsed = contactsInput.safeParse(raw);
  if (!parsed.success) throw new UserError(`联系方式有误：${parsed.error.issues.map((i) => i.message).join('；')}。档案未改动。`, { kind: 'usage' });
  const input = parsed.data;
  const before = contactsView(db);
  const t = townshipContacts(db);
  if (!t) throw new UserError('档案中没有乡镇信息，无法设置联系方式：请先导入或新建乡镇档案。');
  const byCode = new Map(before.villages.map((v) => [v.code, v]));
  const unknown = input.villages.filter((v) => !byCode.has(v.code)).map((v) => v.code);
  if (unknown.length) throw new UserError(`档案中没有区划代码为 ${unknown.join('、')} 的行政村：请核对代码（stats 命令或“行政村”页面列出各村代码）。档案未改动。`);
  writeTransaction(db, (w) => {
    const phones = input.supervisionPhones === undefined ? before.supervisionPhones : [...new Set(input.supervisionPhones.filter((p) => p !== NATIONAL_HOTLINE))];
    const address = blankToNull(input.officeAddress);
    const office = blankToNull(input.officePhone);
    const after = { supervisionPhones: phones, officeAddress: address === undefined ? before.officeAddress : address, officePhone: office === undefined ? before.officePhone : office };
    if (JSON.stringify(after) !== JSON.stringify({ supervisionPhones: before.supervisionPhones, officeAddress: before.officeAddress, officePhone: before.officePhone })) {
      saveTownshipContacts(w, actor, t.id, { ...after, supervisionPhones: after.supervisionPhones.length ? after.supervisionPhones : null });
      recordAudit(w, actor, {
        action: 'update',
        tableName: 'townships',
        recordId: t.id,
        before: { supervisionPhones: before.supervisionPhones, officeAddress: before.officeAddress, officePhone: before.officePhone },
        after,
        note: `${t.name}联系方式：监督电话 ${[NATIONAL_HOTLINE, ...after.supervisionPhones].join('、')}；投诉监督地址 ${after.officeAddress ?? '（未填）'}；乡镇电话 ${after.officePhone ?? '（未填）'}`,
      });
    }
    for (const v of input.villages) {
      const old = byCode.get(v.code)!;
      const phone = blankToNull(v.committeePhone) ?? null;
      if (phone === old.committeePhone) continue;
      saveVillagePhone(w, actor, old.id, phone);
      recordAudit(w, actor, { action: 'update', tableName: 'villages', recordId: old.id, before: { committeePhone: old.committeePhone }, after: { committeePhone: phone }, note: `${old.name}村委会电话：${phone ?? '（清除）'}` });
    }
  });
  return contactsView(db);
}

/** What one notice prints: the phones in order (12317, the township's, the clerk's extra ones), the address. */
export function noticePhones(view: ContactsView, extra: readonly string[]): string[] {
  return [...new Set([NATIONAL_HOTLINE, ...view.supervisionPhones, ...extra.map((p) => p.trim()).filter(Boolean)])];
}
