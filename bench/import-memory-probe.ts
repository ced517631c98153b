// One measurement in a fresh process (bench/import-memory.ts runs it): the peak RSS of either a
// bare exceljs streaming read of the workbook or a whole `import` of it into a new archive.
// Prints the peak in MB.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { initArchive } from '../core/archive.ts';
import { importRoster } from '../core/import/index.ts';

const [mode, file, dir] = process.argv.slice(2) as ['bare' | 'import', string, string];
const actor = { operator: '基准测试', now: () => new Date('2026-11-24T08:00:00Z') };
let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
if (mode === 'bare') {
  let cells = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' })) {
    for await (const row of sheet) cells += row.cellCount;
  }
  if (cells === 0) throw new Error('empty workbook');
} else {
  const archive = initArchive({ file: join(dir, `import-${process.pid}.db`), name: '基准镇', code: '511922101000', province: '四川省' }, actor);
  await importRoster(archive, actor, file);
  archive.close();
}
clearInterval(timer);
process.stdout.write(`${Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20)}\n`);
