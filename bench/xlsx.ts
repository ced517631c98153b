// Export and import of the whole township as a roster workbook (clean demo data), each
// interleaved with exceljs doing the bare streaming work on the same file and rows. The export
// suite publishes its workbook; the import suite (and any other reader of a big roster) needs it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { initArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { exportRoster } from '../core/export.ts';
import { importRoster } from '../core/import/index.ts';
import type { Figure } from './harness.ts';
import { fromRounds, interleave, single, time } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import { actor, AS_OF, demoSizes, kilo } from './suites.ts';

/** What the export suite publishes: the roster workbook of the clean demo township. */
export interface RosterInput {
  file: string;
  households: number;
  members: number;
}

const TOWNSHIP = { name: '基准镇', code: '511922101000', province: '四川省' };
const READ = { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' } as const;
const removeArchive = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};

/** exceljs's bare streaming read of every row: the cells it saw. */
async function bareRead(file: string): Promise<number> {
  let cells = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, READ)) {
    for await (const row of sheet) cells += row.cellCount;
  }
  return cells;
}

export async function exportSuite(ctx: SuiteContext): Promise<Figure[]> {
  const source = initArchive({ file: join(ctx.dir, 'xlsx-source.db'), ...TOWNSHIP }, actor);
  const file = join(ctx.dir, 'roster.xlsx');
  let exported: Awaited<ReturnType<typeof exportRoster>> | undefined;
  try {
    generateDemo(source, { ...demoSizes(ctx.size), seed: 'xlsx', asOf: AS_OF, actor, plant: false });
    let rows: unknown[][] = [];
    const rounds = await interleave(
      ctx.rounds,
      async (r) => {
        const out = r === 0 ? file : join(ctx.dir, `roster-${r}.xlsx`);
        const t = await time(async () => {
          exported = await exportRoster(source, out, { exportedOn: AS_OF });
        });
        if (r > 0) rmSync(out);
        return t;
      },
      // The baseline writes exactly the rows the export wrote (same cells), without the archive;
      // the rows are read from the workbook once, outside the timing.
      async (r) => {
        if (rows.length === 0) {
          for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, READ)) {
            for await (const row of sheet) rows.push((row.values as unknown[]).slice(1));
          }
        }
        const out = join(ctx.dir, `bare-${r}.xlsx`);
        const t = await time(async () => {
          const bare = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false });
          const ws = bare.addWorksheet('花名册');
          for (const row of rows) ws.addRow(row).commit();
          ws.commit();
          await bare.commit();
        });
        rmSync(out);
        return t;
      },
    );
    rows = [];
    const k = kilo(exported!.members);
    ctx.publish({ file, households: exported!.households, members: exported!.members } satisfies RosterInput);
    return [fromRounds(`export-${k}`, 's', rounds.subject, `exceljs-stream-write-${k}`, rounds.baseline, '<= 1.3 × baseline')];
  } finally {
    source.close();
  }
}

export async function importSuite(ctx: SuiteContext): Promise<Figure[]> {
  const roster = ctx.input('export') as RosterInput;
  const k = kilo(roster.members);
  let kept: Archive | undefined;
  try {
    const rounds = await interleave(
      ctx.rounds,
      async (r) => {
        const file = join(ctx.dir, `xlsx-target-${r}.db`);
        const target = initArchive({ file, ...TOWNSHIP }, actor);
        let members = 0;
        const t = await time(async () => {
          members = (await importRoster(target, actor, roster.file)).members;
        });
        if (r === 0) kept = target;
        else {
          target.close();
          removeArchive(file);
        }
        if (members !== roster.members) throw new Error(`基准测试：导入的人数（${members}）与导出的（${roster.members}）不一致`);
        return t;
      },
      async () => {
        let cells = 0;
        const t = await time(async () => {
          cells = await bareRead(roster.file);
        });
        if (cells === 0) throw new Error('基准测试：exceljs 没有从花名册读到任何单元格');
        return t;
      },
    );
    // Importing the same file again into the archive it went into: the check finds nothing changed.
    let unchanged: number | undefined;
    const reimport = await time(async () => {
      unchanged = (await importRoster(kept!, actor, roster.file, { dryRun: true })).preview?.unchanged;
    });
    if (unchanged !== roster.households) throw new Error('基准测试：再次导入同一文件应当没有改动');
    return [
      fromRounds(`import-${k}`, 's', rounds.subject, `exceljs-stream-read-${k}`, rounds.baseline, '<= 1.3 × baseline'),
      single(`reimport-check-${k}`, reimport, 's', { note: '再次导入同一文件的检查（全部未变）' }),
    ];
  } finally {
    kept?.close();
  }
}
