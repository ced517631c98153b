// A new batch: kind, year, village(s), its steps from the kind's definition (publicity steps
// with the archive's minimum length), and optionally its first households — one transaction.
import { randomUUID } from 'node:crypto';
import { writeTransaction } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { archiveName, villagesByIds } from '../../db/repos/villages.ts';
import { insertBatch } from '../../db/repos/workflow-batches.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { KINDS } from '../../shared/workflows/index.ts';
import type { WorkflowKind } from '../../shared/workflows/index.ts';
import { refuseFuture } from './common.ts';
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
  refuseFuture(actor, input.createdOn, '本批次实际开始日期');
  const wanted = [...new Set(input.villageIds)];
  const found = villagesByIds(db, wanted);
  if (found.length !== wanted.length) throw new UserError('所选的行政村有的已不在档案中：请刷新后重新选择。');
  found.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const place = found.length ? found.map((v) => v.name).join('、') : (archiveName(db) ?? '');
  const title = input.title?.trim() || `${place}${input.year}年${def.titleNoun}`;
  const id = randomUUID();
  const { publicityDays } = kindSettings(db, input.kind);
  writeTransaction(db, (w) => {
    insertBatch(w, actor, {
      id,
      kind: input.kind,
      year: input.year,
      villageId: found.length === 1 ? found[0]!.id : null,
      title,
      createdOn: input.createdOn,
      villageIds: found.map((v) => v.id),
      steps: def.steps.map((s) => ({ step: s.code, isPublicity: s.publicity, minDays: s.publicity ? publicityDays : null })),
    });
    recordAudit(w, actor, {
      action: 'insert',
      tableName: 'batches',
      recordId: id,
      after: { kind: input.kind, year: input.year, villages: found.map((v) => v.name), title, createdOn: input.createdOn },
      note: `新建批次“${title}”（${def.label}，${def.steps.length}个环节）`,
    });
    if (input.householdIds.length) addByHand(w, actor, id, { householdIds: input.householdIds, on: input.createdOn, choice: null, risks: [] });
  });
  return id;
}
