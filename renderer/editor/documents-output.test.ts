import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/index.ts';
import {
  defaultOutPath,
  docJobId,
  glyphNotice,
  isCancelled,
  isExistingFile,
  isFrameBlock,
  joinPath,
  hasPrintDialog,
  printPlan,
  batchPrintNotice,
  folderOf,
  resultSummary,
  withFormat,
} from './documents-output.ts';

const now = new Date(2026, 10, 24, 9, 5);

describe('the file offered', () => {
  it('goes to 文档/ in the data folder, named by document, scope, year and time', () => {
    expect(defaultOutPath({ dataDir: '/home/li/.local/share/relief-archive', label: '村花名册', scopeName: '双河村', year: 2025, format: 'pdf', now })).toBe(
      '/home/li/.local/share/relief-archive/文档/村花名册_双河村_2025年_20261124-0905.pdf',
    );
    expect(defaultOutPath({ dataDir: 'C:\\Users\\li\\archives\\', label: '公示 / 公告', scopeName: '2026年 贫困户识别', year: null, format: 'xlsx', now })).toBe(
      'C:\\Users\\li\\archives\\文档\\公示公告_2026年贫困户识别_20261124-0905.xlsx',
    );
    expect(defaultOutPath({ dataDir: '/d', label: '统计挂图', scopeName: '', year: null, format: 'pdf', now })).toBe('/d/文档/统计挂图_全镇_20261124-0905.pdf');
  });

  it('joins with the folder’s own separator and follows a format change', () => {
    expect(joinPath('/a/', 'b', 'c.pdf')).toBe('/a/b/c.pdf');
    expect(joinPath('D:\\data', 'c.pdf')).toBe('D:\\data\\c.pdf');
    expect(withFormat('/a/花名册.pdf', 'xlsx')).toBe('/a/花名册.xlsx');
    expect(withFormat('/a/花名册.XLSX', 'pdf')).toBe('/a/花名册.pdf');
    expect(withFormat('/a/花名册', 'pdf')).toBe('/a/花名册');
  });
});

describe('refusals the screen handles', () => {
  it('tells an existing file and a cancel from other errors', () => {
    const exists = new ApiError({ message: '文件已存在：/d/a.pdf。为免覆盖，请换一个文件名。', kind: 'refused', details: [] });
    const cancelled = new ApiError({ message: '已取消：文档没有生成完，未保存任何文件。', kind: 'refused', details: [] });
    const other = new ApiError({ message: '没有区划代码为 1 的行政村', kind: 'refused', details: [] });
    expect([isExistingFile(exists), isExistingFile(cancelled), isExistingFile(other), isExistingFile('文件已存在')]).toEqual([true, false, false, false]);
    expect([isCancelled(exists), isCancelled(cancelled), isCancelled(other)]).toEqual([false, true, false]);
  });
});

describe('names the font cannot print', () => {
  it('lists each place with its missing characters and says to write them by hand', () => {
    expect(glyphNotice([])).toBeNull();
    const n = glyphNotice([
      { text: '𠮷祥', chars: ['𠮷'], where: '户编号 5119220001000001（户主 𠮷祥）' },
      { text: '𠮷𡘙', chars: ['𠮷', '𡘙'], where: '' },
    ])!;
    expect(n.title).toBe('有 2 处文字含字库里没有的字（𠮷、𡘙），打印时这些字留空“＿”');
    expect(n.lines).toEqual(['户编号 5119220001000001（户主 𠮷祥）：“𠮷祥”缺“𠮷”', '“𠮷𡘙”缺“𠮷、𡘙”']);
    expect(n.hint).toMatch(/用笔写上/);
  });
});

describe('summaries and progress', () => {
  it('counts pages or sheets and marks a cut preview', () => {
    const base = { kind: 'roster' as const, format: 'pdf' as const, title: 't', missingGlyphs: [] };
    expect(resultSummary({ ...base, pages: 14 })).toBe('共 14 页');
    expect(resultSummary({ ...base, format: 'xlsx', pages: null, sheets: 3 })).toBe('共 3 个工作表');
    expect(resultSummary({ ...base, pages: 5, truncated: true })).toBe('共 5 页（预览只含前几户；保存时生成全部）');
  });

  it('makes job ids the contract accepts', () => {
    expect(docJobId()).toMatch(/^doc-[a-z0-9]{12}$/);
    expect(docJobId(() => 0)).toBe('doc-000000000000');
  });
});

describe('printing', () => {
  const pdf = { format: 'pdf' as const, truncated: false, pages: 2, frameBlocked: false, electron: false, printDialog: true };
  it('prints the frame when the page may show it', () => {
    expect(printPlan(pdf)).toEqual({ kind: 'frame' });
    // Electron prints through its print bridge: the whole document, a batch's too, in the system dialog.
    expect(printPlan({ ...pdf, electron: true })).toEqual({ kind: 'bridge' });
    expect(printPlan({ ...pdf, electron: true, truncated: true, frameBlocked: true })).toEqual({ kind: 'bridge' });
  });
  it('opens a browser tab in the browser shell when the frame is refused', () => {
    expect(printPlan({ ...pdf, frameBlocked: true })).toMatchObject({ kind: 'tab', message: expect.stringMatching(/新的浏览器标签页/) as unknown });
  });
  it('never asks a browser without a print dialog (headless Chromium) to print: it would crash the page', () => {
    expect(hasPrintDialog('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36')).toBe(false);
    expect(hasPrintDialog('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0')).toBe(true);
    expect(hasPrintDialog('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe(true);
    for (const frameBlocked of [false, true]) {
      expect(printPlan({ ...pdf, frameBlocked, printDialog: false })).toMatchObject({ kind: 'refuse', message: expect.stringMatching(/没有打印对话框.*“保存”/) as unknown });
    }
    // The desktop shell prints through its bridge whatever its user agent says.
    expect(printPlan({ ...pdf, electron: true, printDialog: false })).toEqual({ kind: 'bridge' });
  });
  it('never prints a cut preview or a workbook', () => {
    expect(printPlan({ ...pdf, truncated: true })).toMatchObject({ kind: 'refuse', message: expect.stringMatching(/前几户/) as unknown });
    expect(printPlan({ ...pdf, format: 'xlsx' })).toMatchObject({ kind: 'refuse', message: expect.stringMatching(/Excel/) as unknown });
  });
  it('says what a batch print did: printed, not covered, failed with the household and reason', () => {
    expect(batchPrintNotice({ printer: 'HP_1', printed: 12, total: 12, notCovered: 0, failed: [] }, 'HP LaserJet')).toEqual({ type: 'success', text: '已逐户送往打印机“HP LaserJet”：12 户。' });
    expect(batchPrintNotice({ printer: 'HP_1', printed: 9, total: 12, notCovered: 2, failed: [{ householdNo: '0007', reason: '缺少收入' }] }, 'HP LaserJet')).toEqual({
      type: 'warning',
      text: '已逐户送往打印机“HP LaserJet”：9 户，2 户不需要这份文档，1 户没有打印（户0007：缺少收入）。',
    });
  });
  it('finds the archive’s folder in either separator', () => {
    expect(folderOf('/home/li/档案/青山镇.db')).toBe('/home/li/档案');
    expect(folderOf('D:\\扶贫\\青山镇.db')).toBe('D:\\扶贫');
  });
  it('recognises the page refusing to frame a blob', () => {
    expect(isFrameBlock({ effectiveDirective: 'frame-src', blockedURI: 'blob' })).toBe(true);
    expect(isFrameBlock({ violatedDirective: 'child-src', blockedURI: 'blob:http://127.0.0.1/x' })).toBe(true);
    expect(isFrameBlock({ effectiveDirective: 'img-src', blockedURI: 'blob' })).toBe(false);
    expect(isFrameBlock({ effectiveDirective: 'frame-src', blockedURI: 'https://example.com' })).toBe(false);
  });
});
