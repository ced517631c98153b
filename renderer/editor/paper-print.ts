// Printing a batch's or a village's papers straight from its page: the desktop shell sends the
// whole document through its print bridge (the system dialog); the browser opens the PDF in a
// new tab for the browser's own print — unless the preview holds only the first households.
import type { BatchDetail, DocumentKind, DocumentRequestInput, PrintView } from '../../shared/api/index.ts';
import { defaultNoticeStep } from './documents-form.ts';

export interface Paper {
  kind: DocumentKind;
  /** The button's words: "打印公示名单". */
  label: string;
  request: DocumentRequestInput;
  /** Why it cannot print now (shown as the button's tooltip), or null. */
  disabled: string | null;
}

/** The request a page sends for a paper: always PDF, dated by the shell. */
export function paperRequest(kind: DocumentKind, scope: DocumentRequestInput['scope'], options: DocumentRequestInput['options'] = {}): DocumentRequestInput {
  return { kind, format: 'pdf', scope, options };
}

/** What the clerk is told after the desktop print dialog closed. */
export function printedNotice(r: PrintView): { type: 'success' | 'info'; text: string } {
  return r.printed ? { type: 'success', text: `已送往打印机：${r.title}${r.pages ? `（共 ${r.pages} 页）` : ''}。` } : { type: 'info', text: '没有打印：打印对话框已关闭。' };
}

export const TRUNCATED_IN_BROWSER = '网页版在这里只能打开前几户的预览：整村（或全部农户）的表请到“文档”页“保存”为 PDF，再用 PDF 阅读器打印。';
export const TAB_OPENED = '已在新的浏览器标签页中打开，请在那里点打印按钮（或按 Ctrl+P）。';
export const TAB_BLOCKED = '浏览器拦截了新标签页：请允许本站弹出窗口后再点一次。';

/** A batch's papers: its notice (the open or latest publicity/公告 step), the meeting record and the sign-in sheet. */
export function batchPapers(d: BatchDetail): Paper[] {
  const papers: Paper[] = [];
  const scope = { batchId: d.id };
  const notice = defaultNoticeStep(d.steps);
  if (notice) {
    papers.push({
      kind: 'publicity',
      label: `打印${notice.code === 'announcement' ? '公告' : '公示'}名单（第${notice.seq}步）`,
      request: paperRequest('publicity', scope, { stepId: notice.id }),
      disabled: d.householdCount === 0 ? '批次中还没有农户' : null,
    });
  }
  if (d.steps.some((s) => s.meeting)) {
    const none = d.householdCount === 0 ? '批次中还没有农户' : null;
    papers.push({ kind: 'meeting', label: '打印会议记录', request: paperRequest('meeting', scope), disabled: none });
    papers.push({ kind: 'sign-in', label: '打印签到表', request: paperRequest('sign-in', scope), disabled: null });
  }
  return papers;
}

/** A village's forms, every household in one document: 入户登记表 and 明白卡. */
export function villagePapers(villageCode: string, households: number): Paper[] {
  const none = households === 0 ? '本村还没有农户' : null;
  return [
    { kind: 'enrollment', label: '打印本村入户登记表', request: paperRequest('enrollment', { villageCode }), disabled: none },
    { kind: 'card', label: '打印本村明白卡', request: paperRequest('card', { villageCode }), disabled: none },
  ];
}
