// 审计核验: the audit log's hash chain (db/repos/audit.ts) walked in full and said in plain
// Chinese — 完整 with the row count and head, or the first broken link: which row, and what was
// done to it. The same words serve the CLI (`audit verify`), the app's screen and the township's
// packages (which carry the verdict to the county).
import type { ReadDb } from '../db/handles.ts';
import { verifyAuditChain } from '../db/repos/audit-verify.ts';
import type { AuditBreak, AuditChainState, AuditRowBrief } from '../db/repos/audit-verify.ts';
import type { AuditVerifyView } from '../shared/api/index.ts';

/** Local date and time to the minute, as the clerk's other screens show it. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** “第 12 条审计记录（2026-11-24 16:00，李会计：修改农户…）”. */
export function rowLine(r: AuditRowBrief): string {
  return `第 ${r.id} 条审计记录（${localTime(r.at)}，${r.operator}：${r.note?.trim() || r.action}）`;
}

const range = (from: number, to: number): string => `${from === to ? `第 ${from} 条` : `第 ${from}–${to} 条`}审计记录`;

export function breakMessage(b: AuditBreak, rows: number): string {
  switch (b.kind) {
    case 'changed':
      return `${rowLine(b.row)}的内容被改动过：与写入时的校验值不符。`;
    case 'unsealed':
      return b.legacy
        ? '审计记录还没有串入校验链：档案写于本版本之前，打开档案时会自动串联。'
        : `${rowLine(b.row)}没有校验值：不是由本软件写入的（可能是用数据库工具直接添加的）。`;
    case 'missing':
      return b.row
        ? `${range(b.fromId, b.toId)}不见了（被删除）：缺口在${rowLine(b.row)}之前。`
        : `最后的${range(b.fromId, b.toId)}不见了（被删除）：现在的最后一条是第 ${b.fromId - 1} 条。`;
    case 'unlinked':
      return `${rowLine(b.row)}之前的记录被删除或改写过：它记下的上一条记录${b.prevId ? `与现在的第 ${b.prevId} 条` : '与链的起点'}不符。`;
    case 'reordered':
      return `审计记录的顺序被调换过：${b.afterId ? `紧接第 ${b.afterId} 条之后` : '排在最前'}的本应是现在的第 ${b.expectedId} 条，却是${rowLine(b.row)}。`;
    case 'head':
      return b.cut
        ? `审计记录被删减：第 ${b.packageSeq} 号报送数据包制作时共有 ${b.length} 条，现在只有 ${rows} 条。`
        : `审计记录被改写：前 ${b.length} 条记录与第 ${b.packageSeq} 号报送数据包制作时不同。`;
  }
}

const VIEW_KIND: Record<AuditBreak['kind'], NonNullable<AuditVerifyView['broken']>['kind']> = {
  changed: 'changed',
  unsealed: 'unsealed',
  missing: 'missing',
  unlinked: 'missing',
  reordered: 'reordered',
  head: 'head',
};

export function verifyView(s: AuditChainState): AuditVerifyView {
  const legacy = s.legacyRows ? `；其中前 ${s.legacyRows} 条写于升级到本版本之前，当时未受保护，升级时才串入校验链` : '';
  const broken = s.broken ? { kind: VIEW_KIND[s.broken.kind], row: s.broken.row, message: breakMessage(s.broken, s.length) } : null;
  return {
    intact: broken === null,
    rows: s.length,
    head: s.head,
    legacyRows: s.legacyRows,
    broken,
    summary: broken ? `审计记录有断点：${broken.message}` : s.length === 0 ? '审计记录完整：还没有任何审计记录。' : `审计记录完整：共 ${s.length} 条，链尾校验值 ${s.head.slice(0, 16)}…${legacy}。`,
  };
}

/** Walks the archive's audit chain in full (rows, its end, the heads recorded for packages sent). */
export function verifyAudit(db: ReadDb): AuditVerifyView {
  return verifyView(verifyAuditChain(db));
}
