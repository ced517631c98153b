import { ImportRefused, importRoster, mappingFromLabels } from '../../core/import/index.ts';
import { writeFileAtomic } from '../../core/files/atomic-write.ts';
import type { ImportProgress, ImportResult } from '../../core/import/index.ts';
import { isUserError, UserError } from '../../shared/errors.ts';
import { intOption, optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit, progressPrinter } from '../io.ts';
import type { Io } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { API } from '../../shared/api/index.ts';
import { qualityLine } from '../../shared/import-quality.ts';
import { SEVERITY_LABELS } from '../../shared/quality/types.ts';

const usage =
  'relief-archive import 花名册.xlsx --db 文件 [--year 年度] [--dry-run] [--remove-missing] [--skip-rejected] [--rejected 待改正.xlsx] [--map "表头=列名;表头=忽略"]';

const PHASES: Record<ImportProgress['phase'], string> = { read: '读取文件', check: '检查', quality: '导入后数据检查（预览）', backup: '备份档案', write: '写入档案' };

function progress(io: Io): (p: ImportProgress) => void {
  const printers = new Map<string, (done: number, total: number) => void>();
  return (p) => {
    const print = printers.get(p.phase) ?? progressPrinter(io, PHASES[p.phase]);
    printers.set(p.phase, print);
    print(Math.round(p.fraction * 100), 100);
  };
}

function summary(r: ImportResult): string {
  const v = r.preview;
  const lines = [
    `${r.dryRun ? '检查完成（未写入）' : '已导入'}：${r.households} 户 ${r.members} 人` +
      (v ? `（新增 ${v.added} 户，有改动 ${v.updated} 户，未变 ${v.unchanged} 户；新增成员 ${v.membersAdded} 人，成员信息有改动 ${v.membersChanged} 人）` : ''),
  ];
  if (v?.membersMissing) lines.push(`有 ${v.membersMissing} 名成员已不在新名单中：${r.membersRemoved ? `已标记为转出 ${r.membersRemoved} 人` : '未移除（确认后加 --remove-missing 再导入）'}。`);
  if (v?.notInFile.length) lines.push(`档案中有 ${v.notInFile.length} 户不在这个文件中（未删除；如需销号请走相应程序）。`);
  if (r.rejected) lines.push(`有 ${r.rejected} 户因错误没有导入。`);
  if (r.backupFile) lines.push(`导入前的备份：${r.backupFile}`);
  if (r.quality) {
    const { rules } = r.quality;
    lines.push(qualityLine(r.quality), ...rules.slice(0, 10).map((q) => `  ${q.code} ${q.title}（${SEVERITY_LABELS[q.severity]}）：${q.count} 条`));
    if (rules.length > 10) lines.push(`  另有 ${rules.length - 10} 条规则；导入后用 check 查看全部。`);
  }
  if (r.problems.length) lines.push(`另有 ${r.problems.length} 条提示，请核实：`, ...r.problems.map((q) => `  ${q.sheet} ${q.row ? `第${q.row}行` : ''}${q.column ? `“${q.column}”列` : ''}：${q.message}`));
  return lines.join('\n');
}

/** The JSON keeps the counts of the quality preview, not its workbook. */
const forJson = ({ rejectedWorkbook: _w, quality, ...r }: ImportResult) => ({ ...r, quality: quality && { errors: quality.errors, warnings: quality.warnings, byRule: quality.byRule, asOf: quality.asOf, year: quality.year } });

export const importCommand: Command = {
  name: 'import',
  summary: '导入国家系统导出的花名册（Excel），可重复导入更新的文件；全部成功或全部不写入；--dry-run 只检查不写入',
  acts: (argv) => (argv.includes('--dry-run') ? API.imports.check : API.imports.apply),
  usage,
  run(argv, io) {
    const p = parse(
      argv,
      {
        year: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'remove-missing': { type: 'boolean', default: false },
        'skip-rejected': { type: 'boolean', default: false },
        rejected: { type: 'string' },
        map: { type: 'string' },
      },
      usage,
    );
    const [file, ...extra] = p.positionals;
    if (!file || extra.length) throw new UserError(`请给出一个要导入的 .xlsx 文件。\n用法：${usage}`, { kind: 'usage' });
    const db = requireString(p, 'db', usage);
    const year = p.values.year === undefined ? undefined : intOption(p, 'year', 0, [2000, 2100]);
    const rejectedOut = optionalString(p, 'rejected');
    const map = optionalString(p, 'map');
    const actor = cliActor(optionalString(p, 'operator'));
    return withArchive(db, async (archive) => {
      const saveRejected = (r: ImportResult) => {
        if (rejectedOut && r.rejectedWorkbook) {
          writeFileAtomic(rejectedOut, r.rejectedWorkbook);
          io.err(`有错误的行已另存为：${rejectedOut}（最后一列写明了问题，改正后可再导入）`);
        }
      };
      try {
        const r = await importRoster(archive, actor, file, {
          dryRun: p.values['dry-run'] === true,
          quality: p.values['dry-run'] === true,
          removeMissing: p.values['remove-missing'] === true,
          skipRejected: p.values['skip-rejected'] === true,
          wantRejected: rejectedOut !== undefined,
          onProgress: progress(io),
          ...(year === undefined ? {} : { year }),
          ...(map ? { mapping: mappingFromLabels(map) } : {}),
        });
        saveRejected(r);
        emit(io, forJson(r), () => summary(r));
        return 0;
      } catch (e) {
        if (e instanceof ImportRefused) {
          // The refusal is the answer: a failed copy of its rows is said too, and does not replace it.
          try {
            saveRejected(e.result);
          } catch (failed) {
            if (!isUserError(failed)) throw failed;
            io.err(failed.message);
          }
          if (io.json) io.out(JSON.stringify({ ...forJson(e.result), refused: true }, null, 2));
        }
        throw e;
      }
    });
  },
};
