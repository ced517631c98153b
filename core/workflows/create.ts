// A new batch: kind, year, village(s), its steps from the kind's definition (publicity steps
// with the archive's minimum length), and optionally its first households — one transaction.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { archiveInfo, batchSteps, batchVillages, batches, villages } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { KINDS } from '../../shared/workflows/index.ts';
import type { WorkflowKind } from '../../shared/workflows/index.ts';
import { refuseFuture, stampOf } from './common.ts';
import { addByHand } from './membership.ts';
import { kindSettings } from './settings.ts';

export interface CreateBatchInput {
  kind: WorkflowKind;
  year: number;
  villageIds: string[];
  title: string | null;
  createdOn: string;
  householdIds: string[];
}

export function createBatch(db: Db, actor: Actor, input: CreateBatchInput): string {
  const def = KINDS[input.kind];
  refuseFuture(actor, input.createdOn, '建立日期');
  const wanted = [...new Set(input.villageIds)];
  const found = wanted.length ? db.select().from(villages).where(inArray(villages.id, wanted)).all() : [];
  if (found.length !== wanted.length) throw new UserError('所选的行政村有的已不在档案中：请刷新后重新选择。');
  found.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const place = found.length ? found.map((v) => v.name).join('、') : (db.select().from(archiveInfo).get()?.name ?? '');
  const title = input.title?.trim() || `${place}${input.year}年${def.titleNoun}`;
  const stamp = { version: 1, ...stampOf(actor) };
  const id = randomUUID();
  const { publicityDays } = kindSettings(db, input.kind);
  db.transaction((tx) => {
    tx.insert(batches)
      .values({ id, ...stamp, kind: input.kind, year: input.year, villageId: found.length === 1 ? found[0]!.id : null, title, status: 'open', createdOn: input.createdOn })
      .run();
    for (const v of found) tx.insert(batchVillages).values({ id: randomUUID(), ...stamp, batchId: id, villageId: v.id }).run();
    def.steps.forEach((s, i) => {
      tx.insert(batchSteps)
        .values({ id: randomUUID(), ...stamp, batchId: id, seq: i + 1, step: s.code, isPublicity: s.publicity, minDays: s.publicity ? publicityDays : null, status: 'pending' })
        .run();
    });
    recordAudit(tx, actor, {
      action: 'insert',
      tableName: 'batches',
      recordId: id,
      after: { kind: input.kind, year: input.year, villages: found.map((v) => v.name), title, createdOn: input.createdOn },
      note: `新建批次“${title}”（${def.label}，${def.steps.length}个环节）`,
    });
    if (input.householdIds.length) addByHand(db, actor, id, { householdIds: input.householdIds, on: input.createdOn, choice: null, risks: [] });
  });
  return id;
}
