// The demo township's records other than households (which go through household-write.ts):
// villages, helpers, workflow batches, monitoring, the import log — prepared rows written as
// they are, one prepared statement per table, inside the demo's one transaction.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { inserter } from '../bulk-insert.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import {
  assessments,
  batchHouseholds,
  batchSteps,
  batchVillages,
  batches,
  helpers,
  households,
  importsLog,
  measures,
  meetingVotes,
  meetings,
  monitoringChecks,
  monitoringRemedies,
  objections,
  pairings,
  quotas,
  statusHistory,
  stepOutcomes,
  villageYears,
  villages,
} from '../schema/index.ts';

const TABLES = {
  villages,
  villageYears,
  helpers,
  statusHistory,
  pairings,
  measures,
  assessments,
  batches,
  batchVillages,
  batchSteps,
  batchHouseholds,
  stepOutcomes,
  meetings,
  meetingVotes,
  objections,
  quotas,
  monitoringChecks,
  monitoringRemedies,
  importsLog,
} as const;
export type DemoTable = keyof typeof TABLES;
export type DemoRow<K extends DemoTable> = (typeof TABLES)[K]['$inferInsert'];

/** A writer per table, prepared once: `rows('villages')(row)`. */
export function demoWriter(w: WriteDb): <K extends DemoTable>(table: K) => (row: DemoRow<K>) => void {
  const prepared = new Map<DemoTable, (row: never) => void>();
  return <K extends DemoTable>(table: K) => {
    let ins = prepared.get(table);
    if (!ins) prepared.set(table, (ins = inserter(w.$client, TABLES[table] as SQLiteTable) as (row: never) => void));
    return ins as (row: DemoRow<K>) => void;
  };
}

/** Whether the archive already holds villages or households (a demo goes only into an empty one). */
export function archiveHasRecords(db: ReadDb): boolean {
  return db.select({ id: villages.id }).from(villages).limit(1).get() !== undefined || db.select({ id: households.id }).from(households).limit(1).get() !== undefined;
}
