// `contacts`: the phones and address printed on notices and 明白卡 — the township's supervision
// phones (after 12317), 投诉监督地址 and office phone, each village's 村委会电话. Without a
// setting option it lists them; every change is audited like other writes.
import { contactsView, saveContacts } from '../../core/documents/contacts.ts';
import type { ContactsInput, ContactsView } from '../../shared/api/documents.ts';
import { API } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';
import { noPositionals, optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';

const usage =
  'relief-archive contacts --db 文件 [--phone 监督电话（可多次；写 none 清空）] [--address 投诉监督地址] [--office-phone 乡镇电话]\n' +
  '  [--village 区划代码=村委会电话（可多次；=后留空清除）] [--operator 操作员]';

const OPTIONS = {
  phone: { type: 'string', multiple: true },
  address: { type: 'string' },
  'office-phone': { type: 'string' },
  village: { type: 'string', multiple: true },
  operator: { type: 'string' },
} as const;

const SETTERS = ['--phone', '--address', '--office-phone', '--village'];

function villagesOf(v: string[] | undefined): { code: string; committeePhone: string | null }[] {
  return (v ?? []).map((x) => {
    const at = x.indexOf('=');
    if (at <= 0) throw new UserError(`参数 --village 应写成“区划代码=电话”，例如 --village 511922101001=0838-6215566；收到“${x}”。`, { kind: 'usage' });
    const phone = x.slice(at + 1).trim();
    return { code: x.slice(0, at).trim(), committeePhone: phone === '' ? null : phone };
  });
}

function show(v: ContactsView): string {
  return [
    `${v.township}：监督电话 ${[v.nationalHotline, ...v.supervisionPhones].join('、')}`,
    `  投诉监督地址：${v.officeAddress ?? '（未设置）'}`,
    `  乡镇电话：${v.officePhone ?? '（未设置）'}`,
    '各村村委会电话：',
    ...v.villages.map((x) => `  ${x.name}（${x.code}）：${x.committeePhone ?? '（未设置）'}`),
  ].join('\n');
}

export const contacts: Command = {
  name: 'contacts',
  summary: '公示和明白卡上印的联系方式：乡镇监督电话（12317 之外）、投诉监督地址、乡镇电话、各村村委会电话',
  acts: (argv) => (argv.some((a) => SETTERS.some((s) => a === s || a.startsWith(`${s}=`))) ? API.documents.saveContacts : API.documents.contacts),
  usage,
  run(argv, io) {
    const p = parse(argv, OPTIONS, usage);
    noPositionals(p, usage);
    const file = requireString(p, 'db', usage);
    const phones = p.values.phone as string[] | undefined;
    const input: ContactsInput = {
      ...(phones ? { supervisionPhones: phones.some((x) => x.trim() === 'none') ? [] : phones.flatMap((x) => x.split(/[,，、]/)).map((x) => x.trim()).filter(Boolean) } : {}),
      ...(p.values.address !== undefined ? { officeAddress: optionalString(p, 'address') ?? null } : {}),
      ...(p.values['office-phone'] !== undefined ? { officePhone: optionalString(p, 'office-phone') ?? null } : {}),
      villages: villagesOf(p.values.village as string[] | undefined),
    };
    const writes = phones !== undefined || p.values.address !== undefined || p.values['office-phone'] !== undefined || input.villages!.length > 0;
    return withArchive(file, (archive) => {
      const v = writes ? saveContacts(archive.db, cliActor(optionalString(p, 'operator')), input) : contactsView(archive.db);
      emit(io, v, () => `${writes ? '已保存。\n' : ''}${show(v)}`);
      return 0;
    });
  },
};
