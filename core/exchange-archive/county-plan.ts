// County side, before anything is written: every row of a township export checked (types,
// enums, ID numbers, money, dates), every reference resolved within the snapshot (or, for a
// package of chosen batches, to rows this township sent before), no record or code taken from
// another township, every attachment's content present — and the preview counted: per table,
// rows added, changed, removed (absent from a full snapshot) and unchanged.
import { join } from 'node:path';
import type { Archive } from '../../db/open.ts';
import { countyPlanReads } from '../../db/repos/county-plan.ts';
import type { TableChangeView } from '../../shared/api/exchange.ts';
import { UserError } from '../../shared/errors.ts';
import type { StagedPackage } from '../exchange/index.ts';
import { HouseholdNos, describeProblems, problemLine } from './problems.ts';
import type { Problem } from './problems.ts';
import { codecFor, RECORD_ID_RE } from './rows.ts';
import type { Row } from './rows.ts';
import { lines, tableFile } from './staged.ts';
import { ADDED_LATER, TABLES } from './tables.ts';

export interface TownshipRef {
  id: string;
  name: string;
  code: string | null;
}

export interface SnapshotPlan {
  township: TownshipRef;
  scope: 'all' | 'batches';
  /** Incoming ids per table. */
  ids: Map<string, Set<string>>;
  /** Per table, incoming rows identical (id, version, updated_at) to the archive's: the apply leaves them alone. */
  unchanged: Map<string, Set<string>>;
  /** Per table, incoming rows that replace a different version already held (upserted; the others are new). */
  changed: Map<string, Set<string>>;
  /** Per table, by position in the staged file: 1 where the row is unchanged (the apply skips it unparsed). */
  unchangedAt: Map<string, Uint8Array>;
  tables: TableChangeView[];
  /** Content hash → staged file, for the attachments the rows need and the archive lacks. */
  blobs: Map<string, { file: string; size: number }>;
  attachments: { added: number; bytes: number };
  households: { added: number; changed: number; removed: number };
}

const MAX_PROBLEMS = 200;

class Collector {
  readonly list: Problem[] = [];
  add(table: string, row: Row | null, column: string, why: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ table, row, problems: [{ column, why }] });
  }
  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
}

export function refuseRows(file: string, problems: Problem[]): UserError {
  return new UserError(
    `数据包 ${file} 中有 ${problems.length >= MAX_PROBLEMS ? '至少 200' : problems.length} 条记录不合规，整个数据包不予导入，档案没有任何改动。第一条：${problemLine(problems[0]!)}。请联系发送方改正后重新制作数据包。`,
    { details: describeProblems(problems) },
  );
}

/** The township named in the manifest's meta (checked). */
export function townshipOfMeta(meta: Record<string, unknown>, file: string): { township: TownshipRef; scope: 'all' | 'batches' } {
  const t = meta.township as Record<string, unknown> | undefined;
  const ok =
    t && typeof t.id === 'string' && RECORD_ID_RE.test(t.id) && typeof t.name === 'string' && t.name.length > 0 && t.name.length <= 60 && (t.code === null || (typeof t.code === 'string' && /^\d{12}$/.test(t.code)));
  if (!ok || (meta.scope !== 'all' && meta.scope !== 'batches')) throw new UserError(`数据包 ${file} 缺少乡镇信息或范围说明，不是本软件制作的乡镇报送数据包，不予导入。`);
  return { township: { id: t.id as string, name: t.name as string, code: (t.code as string | null) ?? null }, scope: meta.scope };
}

export async function planSnapshot(
  archive: Archive,
  staged: StagedPackage,
  file: string,
  opts: { now: Date; onProgress?: (fraction: number) => void; signal?: AbortSignal },
): Promise<SnapshotPlan> {
  const { township, scope } = townshipOfMeta(staged.manifest.meta, file);
  const db = countyPlanReads(archive.db);
  const problems = new Collector();
  const householdNos = new HouseholdNos();
  const ids = new Map<string, Set<string>>();
  const tables: TableChangeView[] = [];
  const unchanged = new Map<string, Set<string>>();
  const changed = new Map<string, Set<string>>();
  const unchangedAt = new Map<string, Uint8Array>();
  const total = staged.tables.reduce((a, t) => a + t.rows, 0) || 1;
  let done = 0;

  if (scope === 'all') {
    const missing = TABLES.filter((t) => !ADDED_LATER.has(t.name) && !tableFile(staged, t.name)).map((t) => t.label);
    if (missing.length) throw new UserError(`数据包 ${file} 声称是完整档案，却缺少 ${missing.join('、')} 等表，不予导入（否则会误删县级档案中该乡镇的记录）。请联系发送方重新制作。`);
  }
  // Entries by content: attachments rows must find theirs here or in the archive.
  const entries = new Map(staged.attachments.map((a) => [a.sha256, { file: join(staged.dir, a.file), size: a.size }]));
  const blobs = new Map<string, { file: string; size: number }>();
  const attachments = { added: 0, bytes: 0 };
  const exists = (table: string, id: string): boolean => ids.get(table)?.has(id) === true || (scope === 'batches' && db.ownerOf(table, id) === township.id);

  for (const spec of TABLES) {
    const codec = codecFor(spec);
    const seen = new Set<string>();
    ids.set(spec.name, seen);
    const change: TableChangeView = { name: spec.name, label: spec.label, added: 0, changed: 0, removed: 0, unchanged: 0 };
    tables.push(change);
    const f = tableFile(staged, spec.name);
    // This township's rows as held now (one read per table), and a point lookup for ids not among them.
    const held = db.heldVersions(township.id, spec.name);
    // Rows of other townships in this table: only then can an incoming id collide with one.
    const others = db.rowCount(spec.name) > held.size;
    const same = new Set<string>();
    unchanged.set(spec.name, same);
    const differ = new Set<string>();
    changed.set(spec.name, differ);
    let ownHere = 0;
    const at = new Uint8Array(staged.tables.find((t) => t.name === spec.name)?.rows ?? 0);
    unchangedAt.set(spec.name, at);
    if (f) {
      let n = 0;
      for (const line of lines(f, staged.key)) {
        if (line === '') continue;
        if (++n % 2000 === 0) {
          done += 2000;
          opts.onProgress?.(Math.min(1, done / total));
          await new Promise((r) => setImmediate(r));
          opts.signal?.throwIfAborted();
        }
        if (problems.full) continue;
        const row = JSON.parse(line) as Row;
        householdNos.note(spec.name, row);
        const bad = codec.check(row, opts.now);
        if (bad.length) {
          problems.list.push(householdNos.of({ table: spec.name, row, problems: bad }));
          continue;
        }
        const id = row.id as string;
        if (seen.has(id)) {
          problems.add(spec.name, row, 'id', '记录编号重复出现');
          continue;
        }
        seen.add(id);
        for (const ref of spec.refs) {
          const v = row[ref.column];
          if (v != null && !exists(ref.parent, v as string)) problems.add(spec.name, row, ref.column, '指向的记录不在数据包中');
        }
        // Belongs to this township, and to no other.
        if (spec.name === 'townships' && id !== township.id) problems.add(spec.name, row, 'id', '不是数据包所属的乡镇');
        if ((spec.name === 'villages' || spec.name === 'helpers') && row.township_id !== township.id) problems.add(spec.name, row, 'township_id', '不属于本乡镇');
        if (spec.name === 'attachments') {
          const ownerTable = row.owner_table as string;
          if (!exists(ownerTable, row.owner_id as string)) problems.add(spec.name, row, 'owner_id', '所属的记录不在数据包中');
          const sha = row.sha256 as string;
          const entry = entries.get(sha);
          const stored = db.blobSize(sha);
          if (entry && entry.size !== row.size) problems.add(spec.name, row, 'size', '与附件内容的大小不符');
          else if (!entry && stored === undefined) problems.add(spec.name, row, 'sha256', '数据包中没有这份附件的内容');
          else if (entry && stored === undefined && !blobs.has(sha)) {
            blobs.set(sha, entry);
            attachments.added++;
            attachments.bytes += entry.size;
          }
        }
        const cur = held.get(id);
        if (cur === undefined) {
          if (others && db.exists(spec.name, id)) {
            problems.add(spec.name, row, 'id', db.ownerOf(spec.name, id) ? '与另一乡镇的记录编号相同' : '与县级档案中已有的记录编号相同');
            continue;
          }
          change.added++;
        } else {
          ownHere++;
          if (cur.version === row.version && cur.updatedAt === row.updated_at) {
            change.unchanged++;
            same.add(id);
            if (n <= at.length) at[n - 1] = 1;
          } else {
            change.changed++;
            differ.add(id);
          }
        }
        const unique = UNIQUE[spec.name];
        if (unique && row[unique.column] != null) {
          const h = db.holderOf(spec.name, unique.column, row[unique.column]);
          if (h && h.township !== township.id) problems.add(spec.name, row, unique.column, `${unique.label}“${JSON.stringify(row[unique.column])}”已被县级档案中另一乡镇的记录使用`);
        }
      }
      done += n % 2000;
    }
    change.removed = scope === 'all' ? db.ownedCount(township.id, spec.name) - ownHere : 0;
  }
  if (problems.list.length) throw refuseRows(file, problems.list);
  const h = tables.find((t) => t.name === 'households')!;
  return { township, scope, ids, unchanged, changed, unchangedAt, tables, blobs, attachments, households: { added: h.added, changed: h.changed, removed: h.removed } };
}

/** 区划代码 and 户编号 are unique in the county archive: another township must not hold them. */
const UNIQUE: Record<string, { column: string; label: string }> = {
  townships: { column: 'code', label: '区划代码' },
  villages: { column: 'code', label: '区划代码' },
  households: { column: 'no', label: '户编号' },
};
