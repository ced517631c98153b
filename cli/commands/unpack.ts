// `unpack`: verify a package and import it — in a county archive a township's export (its
// snapshot replaces the previous one), in a township archive the county's review result.
// --dry-run checks everything and prints the preview without writing.
import { unpackPackage } from '../../core/exchange-archive/index.ts';
import { UserError } from '../../shared/errors.ts';
import { optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { API } from '../../shared/api/index.ts';

const usage = 'relief-archive unpack 数据包.fpkg --db 文件 [--key 旧密钥文件夹] [--dry-run] [--passphrase "口令"] [--accept-unauthenticated]\n（本方密钥保存在档案内，不需要 --key；--key 只用于还没有保存密钥的档案：旧文件夹里的私钥先移入档案，原文件抹去）';

const EFFECT: Record<string, string> = { advanced: '通过，环节已完成', returned: '退回', recorded: '已登记结果', skipped: '未应用' };

export const unpack: Command = {
  name: 'unpack',
  summary: '校验并导入数据包（县级导入乡镇报送，乡镇导入县级审核结果）；--dry-run 只检查并预览',
  acts: (argv) => (argv.includes('--dry-run') ? API.exchange.inspect : API.exchange.unpack),
  usage,
  run(argv, io) {
    const p = parse(
      argv,
      { key: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, passphrase: { type: 'string' }, 'accept-unauthenticated': { type: 'boolean', default: false } },
      usage,
    );
    const [file, ...extra] = p.positionals;
    if (!file || extra.length) throw new UserError(`请给出一个数据包文件（.fpkg）。\n用法：${usage}`, { kind: 'usage' });
    const db = requireString(p, 'db', usage);
    const actor = cliActor(optionalString(p, 'operator'));
    let last = '';
    return withArchive(db, async (archive) => {
      const r = await unpackPackage(archive, actor, file, {
        dryRun: p.values['dry-run'] === true,
        passphrase: optionalString(p, 'passphrase') ?? null,
        acceptUnauthenticated: p.values['accept-unauthenticated'] === true,
        keyDir: optionalString(p, 'key') ?? null,
        onProgress: (label, f) => {
          const line = `${label} ${Math.floor(f * 10) * 10}%`;
          if (line !== last) io.err((last = line));
        },
      });
      emit(io, r, () =>
        [
          r.alreadyImported
            ? `数据包 ${r.packageId} 已导入过，这次没有任何改动。`
            : `${r.applied ? '已导入' : '检查完成（未写入）'}：${r.kind === 'review-result' ? '县级审核结果' : '乡镇报送数据包'}第 ${r.seq} 号，来自 ${r.sender.name}（指纹 ${r.sender.fingerprint}）${r.authenticated ? '' : '【未认证】'}`,
          r.audit ? `${r.audit.warning ? '【注意】' : ''}${r.audit.message}` : '',
          r.township ? `乡镇：${r.township.name}；农户 新增 ${r.households.added}、变更 ${r.households.changed}、移除 ${r.households.removed}` : '',
          ...r.tables.filter((t) => t.added + t.changed + t.removed > 0).map((t) => `  ${t.label}：新增 ${t.added}，变更 ${t.changed}，移除 ${t.removed}，未变 ${t.unchanged}`),
          r.attachments.added ? `  新附件：${r.attachments.added} 份，${r.attachments.bytes} 字节` : '',
          ...r.review.map((e) => `  ${e.batchTitle} ${e.stepLabel}：${EFFECT[e.effect] ?? e.effect}（通过 ${e.passed} 户，退回 ${e.returned} 户）${e.note ? `——${e.note}` : ''}`),
          ...r.notes,
          r.backupFile ? `导入前的备份：${r.backupFile}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return 0;
    });
  },
};
