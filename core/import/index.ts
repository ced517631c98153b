// `import FILE`: read the workbook, find each sheet's header, parse, refuse with every problem
// listed — or write everything in one transaction. `dryRun` reports without writing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Archive } from '../../db/open.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { applyRoster, existingNos } from './apply.ts';
import { parseSheet } from './parse.ts';
import type { ImportProblem, ParsedRoster } from './types.ts';
import { readSheets } from './workbook.ts';

export type { ImportProblem } from './types.ts';

export interface ImportResult {
  file: string;
  dryRun: boolean;
  applied: boolean;
  households: number;
  members: number;
  problems: ImportProblem[];
}

export class ImportRefused extends UserError {
  readonly result: ImportResult;
  constructor(result: ImportResult) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    super(
      `导入被拒绝，档案没有任何改动：发现 ${errors.length} 个必须先改正的问题。` +
        `第一个：${errors[0] ? `${errors[0].sheet} 第${errors[0].row}行${errors[0].column ? `“${errors[0].column}”列` : ''}：${errors[0].message}` : ''}`,
      { details: errors.slice(0, 20).map((p) => `${p.sheet} 第${p.row}行${p.column ? `“${p.column}”列` : ''}：${p.message}`) },
    );
    this.result = result;
  }
}

export async function importRoster(archive: Archive, actor: Actor, file: string, opts: { dryRun?: boolean; year?: number } = {}): Promise<ImportResult> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`找不到要导入的文件：${file}。请检查路径和文件名。`);
  const sheets = (await readSheets(file)).filter((s) => s.rows.some((r) => r.some((c) => c !== '')));
  if (sheets.length === 0) throw new UserError(`“${basename(file)}”里没有任何有内容的工作表，请确认选对了文件。`);
  const parsed: ParsedRoster[] = sheets.map((s) => parseSheet(s, actor.now()));
  // A workbook may carry other sheets (notes, a village table): use those with a roster header.
  const rosters = parsed.filter((p) => p.households.length > 0 || p.problems.some((x) => x.severity === 'error' && x.row > 0));
  const problems = (rosters.length ? rosters : parsed).flatMap((p) => p.problems);
  const roster: ParsedRoster = { sheet: rosters.map((r) => r.sheet).join('、'), township: rosters[0]?.township ?? null, households: rosters.flatMap((r) => r.households), problems };
  const result: ImportResult = {
    file,
    dryRun: opts.dryRun ?? false,
    applied: false,
    households: roster.households.length,
    members: roster.households.reduce((n, h) => n + h.members.length, 0),
    problems,
  };
  const already = new Set(existingNos(archive, roster.households.map((h) => h.no)));
  for (const h of roster.households.filter((x) => already.has(x.no)).slice(0, 20)) {
    problems.push({ sheet: roster.sheet, row: h.firstRow, column: '户编号', message: `户编号${h.no}已在档案中：导入不会覆盖已有的户。请确认没有重复导入同一个文件。`, severity: 'error' });
  }
  if (already.size > 20) problems.push({ sheet: roster.sheet, row: 0, column: '户编号', message: `另有 ${already.size - 20} 户的户编号也已在档案中。`, severity: 'error' });
  if (problems.some((p) => p.severity === 'error') || roster.households.length === 0) {
    if (roster.households.length === 0 && !problems.some((p) => p.severity === 'error')) {
      problems.push({ sheet: roster.sheet, row: 0, column: '', message: '文件中没有找到任何家庭成员行。', severity: 'error' });
    }
    throw new ImportRefused(result);
  }
  if (opts.dryRun) return result;
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  const year = opts.year ?? actor.now().getFullYear();
  applyRoster(archive, actor, { roster, fileName: basename(file), sha256, year });
  return { ...result, applied: true };
}
