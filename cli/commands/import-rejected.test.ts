// `import --rejected 待改正.xlsx` writes the rejected rows through the one writer: on a full disk
// (an injected write fault, in this process through main()) the clerk reads the Chinese message
// naming the folder, and neither the workbook nor a .part is left; without the fault it is written.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { injectWriteFault } from '../../core/files/atomic-write.ts';
import { createTestArchive, loginEnv, tempDir } from '../../core/testing.ts';
import { main } from '../main.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let dir: string;
let db: string;
let roster: string;

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stderr = '';
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((t) => ((stdout += String(t)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((t) => ((stderr += String(t)), true));
  try {
    return { code: await main(['import', ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  dir = tempDir('cli-rejected-');
  db = join(dir, '青山镇.db');
  (await createTestArchive({ file: db, name: '青山镇', code: '513722101000' }, { actor })).close();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['行政村', '户编号', '姓名', '证件号码', '与户主关系', '联系电话']);
  ws.addRow(['青山村', 'A001', '张三', '', '户主', '13812345678']);
  ws.addRow(['青山村', 'A002', '王'.repeat(21), '', '户主', '']);
  roster = join(dir, '花名册.xlsx');
  await wb.xlsx.writeFile(roster);
  for (const [k, v] of Object.entries(loginEnv(actor.operator))) vi.stubEnv(k, v);
});
afterEach(() => injectWriteFault(null));

describe('import --rejected', () => {
  it('on a full disk: the Chinese message names the folder, and no workbook or .part is left', async () => {
    const out = join(dir, 'full');
    mkdirSync(out);
    injectWriteFault('ENOSPC');
    const r = await run(roster, '--db', db, '--rejected', join(out, '待改正.xlsx'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`磁盘空间不足，无法在文件夹 ${out} 中保存 待改正\\.xlsx（约需 .*）。没有留下不完整的文件。`));
    expect(readdirSync(out)).toEqual([]);
    // The import's own refusal is still the answer: said on stderr, and the one JSON object on stdout.
    expect(r.stderr).toMatch(/导入被拒绝，档案没有任何改动/);
    expect(JSON.parse(r.stdout)).toMatchObject({ refused: true, applied: false, households: expect.any(Number) as unknown });
  });

  it('otherwise writes the rejected rows whole', async () => {
    const out = join(dir, 'ok');
    mkdirSync(out);
    const r = await run(roster, '--db', db, '--rejected', join(out, '待改正.xlsx'));
    expect(r.stderr).toMatch(/有错误的行已另存为/);
    expect(readdirSync(out)).toEqual(['待改正.xlsx']);
  });
});
