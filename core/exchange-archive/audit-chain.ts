// The audit chain upstream. A township export carries, in its signed manifest's meta, the
// township's audit chain: its length and head, the township's own check of it, and — for each of
// the township's earlier exports — the hash its chain has *now* at the length it had then. The
// county keeps each package's length and head; when the next package of that township comes, the
// mark at the previous length must equal the head the county kept: a shorter chain means history
// was cut, another hash that it was rewritten. Shown as a warning, never a refusal (the county
// must still be able to see the data; what it does about it is a matter for people).
import type { ReadDb } from '../../db/handles.ts';
import { verifyAuditChain } from '../../db/repos/audit-verify.ts';
import { auditMarksSent, townshipPackagesIn } from '../../db/repos/exchange-log.ts';
import type { PackageLogRow } from '../../db/repos/exchange-log.ts';
import type { AuditContinuityView, PackAuditView } from '../../shared/api/exchange.ts';
import type { Json, JsonObject } from '../exchange/canonical.ts';
import { verifyView } from '../audit.ts';

/** What a township export says about the chain (manifest meta `audit`). */
export interface AuditMeta {
  length: number;
  head: string;
  /** The township's own check of its chain, and the first broken link when it failed. */
  intact: boolean;
  problem: string | null;
  /** Per earlier export: its number, the chain's length then, and the hash the chain has now at that length (null: shorter now). */
  marks: { seq: number; length: number; head: string | null }[];
}

/** Township: the chain as this package will carry it, read from the package's snapshot. */
export function auditMetaOf(db: ReadDb): { meta: AuditMeta; view: PackAuditView } {
  const sent = auditMarksSent(db);
  const state = verifyAuditChain(db);
  const v = verifyView(state);
  const meta: AuditMeta = {
    length: state.length,
    head: state.head,
    intact: v.intact,
    problem: v.broken?.message ?? null,
    marks: sent.map((m) => ({ seq: m.seq, length: m.length, head: state.at.get(m.length) ?? null })),
  };
  return { meta, view: { rows: v.rows, head: v.head, intact: v.intact, summary: v.summary } };
}

export function auditMetaJson(m: AuditMeta): JsonObject {
  return { length: m.length, head: m.head, intact: m.intact, problem: m.problem, marks: m.marks.map((x) => ({ seq: x.seq, length: x.length, head: x.head })) };
}

const HEX64 = /^[0-9a-f]{64}$/;
const count = (v: Json | undefined): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const obj = (v: Json | undefined): JsonObject | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null);

/** The `audit` of a manifest's meta, checked (undefined: not carried; null: carried but malformed). */
export function parseAuditMeta(meta: JsonObject): AuditMeta | null | undefined {
  if (!('audit' in meta)) return undefined;
  const a = obj(meta.audit);
  const marks = a && Array.isArray(a.marks) && a.marks.length <= 100_000 ? a.marks.map(obj) : null;
  if (!a || !count(a.length) || typeof a.head !== 'string' || !HEX64.test(a.head) || typeof a.intact !== 'boolean' || !(a.problem === null || typeof a.problem === 'string') || !marks) return null;
  const parsed: AuditMeta['marks'] = [];
  for (const m of marks) {
    if (!m || !count(m.seq) || !count(m.length) || !(m.head === null || (typeof m.head === 'string' && HEX64.test(m.head)))) return null;
    parsed.push({ seq: m.seq, length: m.length, head: m.head });
  }
  return { length: a.length, head: a.head, intact: a.intact, problem: typeof a.problem === 'string' ? a.problem.slice(0, 500) : null, marks: parsed };
}

const view = (status: AuditContinuityView['status'], warning: boolean, message: string, a: AuditMeta | null): AuditContinuityView => ({
  status,
  warning,
  message,
  length: a?.length ?? null,
  head: a?.head ?? null,
});

/** County: whether the chain in this package goes on from the one the township's previous package carried. */
export function auditContinuity(db: ReadDb, townshipId: string, meta: JsonObject): AuditContinuityView {
  const a = parseAuditMeta(meta);
  const prev = townshipPackagesIn(db, townshipId).find((r) => r.auditLength != null && r.auditHead != null);
  if (a === undefined) {
    return prev
      ? view('absent', true, `数据包没有带审计记录信息，而该乡镇此前的数据包（第 ${prev.seq} 号）带有：请向乡镇核实是否改用了旧版本软件。`, null)
      : view('absent', false, '数据包没有带审计记录信息（乡镇用的是旧版本软件），无法核对审计记录是否连续。', null);
  }
  if (a === null) return view('unverifiable', true, '数据包中的审计记录信息格式不对，无法核对审计记录是否连续：请向乡镇核实。', null);
  const c = continuity(a, prev);
  if (a.intact || c.warning) return c;
  // The chain goes on from the last package, but the township's own check fails after that.
  return view('broken', true, `乡镇档案的审计记录自检未通过：${a.problem ?? '有断点'}`, a);
}

function continuity(a: AuditMeta, prev: PackageLogRow | undefined): AuditContinuityView {
  if (!prev) return view('first', false, `审计记录共 ${a.length} 条：该乡镇第一次报送审计记录的校验值，以后的报送将据此核对是否连续。`, a);
  const p = { seq: prev.seq, length: prev.auditLength!, head: prev.auditHead! };
  const last = `上次报送（第 ${p.seq} 号数据包）`;
  if (a.length < p.length) return view('cut', true, `审计记录被删减：${last}时共 ${p.length} 条，这次只有 ${a.length} 条。`, a);
  const mark = a.marks.find((m) => m.length === p.length && m.seq === p.seq) ?? a.marks.find((m) => m.length === p.length);
  if (!mark) {
    return view('unverifiable', true, `无法核对审计记录是否连续：数据包没有给出${last}时（共 ${p.length} 条）审计记录的校验值，乡镇档案中的报送记录可能被改动过。`, a);
  }
  if (mark.head === null) return view('cut', true, `审计记录被删减：${last}时的 ${p.length} 条记录现在不全了。`, a);
  if (mark.head !== p.head) return view('rewritten', true, `审计记录被删改：乡镇档案中的审计记录与${last}时不同（前 ${p.length} 条记录被删除或改写过）。`, a);
  return view('continuous', false, `审计记录连续：${last}时 ${p.length} 条，这次 ${a.length} 条（新增 ${a.length - p.length} 条）。`, a);
}

/** What the county keeps of it in the package's log row. */
export function continuityJson(c: AuditContinuityView): JsonObject {
  return { status: c.status, warning: c.warning, message: c.message };
}

function continuityOf(r: PackageLogRow): AuditContinuityView | null {
  const a = r.summary?.audit as Partial<AuditContinuityView> | undefined;
  if (!a || typeof a.message !== 'string' || typeof a.status !== 'string') return null;
  return { status: a.status, warning: a.warning === true, message: a.message, length: r.auditLength, head: r.auditHead };
}

/** County: the township's chain as its latest package showed it, and the earlier packages that warned. */
export function townshipAudit(db: ReadDb, townshipId: string): { audit: AuditContinuityView | null; auditWarnings: string[] } {
  const [latest, ...earlier] = townshipPackagesIn(db, townshipId);
  return {
    audit: latest ? continuityOf(latest) : null,
    auditWarnings: earlier.flatMap((r) => {
      const c = continuityOf(r);
      return c?.warning ? [`第 ${r.seq} 号数据包（${r.at.slice(0, 10)} 导入）：${c.message}`] : [];
    }),
  };
}
