// `pack`: an encrypted, signed package — a township export (the whole archive or `--batch`
// batches) to the county, or, from a county archive, the review result to a township.
import { packFor } from '../../core/exchange-archive/index.ts';
import { splitList } from '../../core/workflows/refs.ts';
import { UserError } from '../../shared/errors.ts';
import { optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { API } from '../../shared/api/index.ts';

const usage = 'relief-archive pack --db 文件 --out 数据包.fpkg [--to 对方public.json] [--key 旧密钥文件夹] [--batch 批次编号,…] [--passphrase]\n（本方密钥保存在档案内，不需要 --key；--key 只用于还没有保存密钥的档案：旧文件夹里的私钥先移入档案，原文件抹去）';

export const pack: Command = {
  name: 'pack',
  summary: '制作加密签名的数据包：乡镇报送县级（全部档案或所选批次），县级向乡镇发送审核结果',
  acts: () => API.exchange.pack,
  usage,
  run(argv, io) {
    const p = parse(argv, { out: { type: 'string' }, to: { type: 'string' }, key: { type: 'string' }, batch: { type: 'string', multiple: true }, passphrase: { type: 'boolean', default: false } }, usage);
    if (p.positionals.length) throw new UserError(`多余的参数：${p.positionals.join(' ')}。\n用法：${usage}`, { kind: 'usage' });
    const db = requireString(p, 'db', usage);
    const out = requireString(p, 'out', usage);
    const batchIds = ((p.values.batch as unknown as string[] | undefined) ?? []).flatMap((b) => splitList(b));
    const actor = cliActor(optionalString(p, 'operator'));
    let last = '';
    return withArchive(db, async (archive) => {
      const r = await packFor(archive, actor, {
        toFile: optionalString(p, 'to') ?? null,
        batchIds,
        options: {
          out,
          passphrase: p.values.passphrase === true,
          keyDir: optionalString(p, 'key') ?? null,
          onProgress: (label, f) => {
            const line = `${label} ${Math.floor(f * 10) * 10}%`;
            if (line !== last) io.err((last = line));
          },
        },
      });
      emit(io, r, () =>
        [
          `已生成${r.kind === 'review-result' ? '审核结果' : '报送'}数据包（第 ${r.seq} 号）：${r.file}`,
          `编号：${r.packageId}，${r.bytes} 字节，已写入并重新读取核对（写入校验通过）`,
          ...r.tables.filter((t) => t.rows > 0).map((t) => `  ${t.label}：${t.rows} 条`),
          r.attachments ? `  附件：${r.attachments} 份，${r.attachmentBytes} 字节` : '',
          r.audit ? `随包报送的${r.audit.summary}` : '',
          r.recipient ? `收件方指纹：${r.recipient}` : '',
          r.passphrase ? `口令（只显示这一次，请电话告知对方，不要写在U盘上）：${r.passphrase}` : '',
          r.staleOpinions ? `另有 ${r.staleOpinions} 条意见是针对该乡镇较早的数据包登记的，没有包含在内，请按最新数据重新登记。` : '',
          ...r.notes,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return 0;
    });
  },
};
