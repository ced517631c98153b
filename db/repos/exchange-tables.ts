// The tables that travel in a township export, as data: their names in the order rows are
// written, validated and applied (parents before children; deletions run in reverse), every
// column's kind and nullability, and the references between them — read from the drizzle
// schema, so core can check rows without importing it. Also how a row crosses the driver:
// flags as true/false and JSON columns parsed when read, and back when written.
// Not travelling: this installation's settings and logs (archive_info, code_lists,
// policy_parameters, workflow_settings, audit_log, imports_log, the exchange tables) — and
// blobs, which travel as attachment entries named by the attachment's UUID.
import { getTableColumns } from 'drizzle-orm';
import type { Column } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../schema/index.ts';

const ORDER = {
  townships: schema.townships,
  villages: schema.villages,
  village_years: schema.villageYears,
  helpers: schema.helpers,
  households: schema.households,
  members: schema.members,
  incomes: schema.incomes,
  assessments: schema.assessments,
  pairings: schema.pairings,
  measures: schema.measures,
  batches: schema.batches,
  batch_villages: schema.batchVillages,
  batch_steps: schema.batchSteps,
  batch_households: schema.batchHouseholds,
  step_outcomes: schema.stepOutcomes,
  objections: schema.objections,
  meetings: schema.meetings,
  meeting_votes: schema.meetingVotes,
  batch_decisions: schema.batchDecisions,
  quotas: schema.quotas,
  status_history: schema.statusHistory,
  monitoring_checks: schema.monitoringChecks,
  monitoring_remedies: schema.monitoringRemedies,
  screening_lists: schema.screeningLists,
  screening_alerts: schema.screeningAlerts,
  quality_acks: schema.qualityAcks,
  attachments: schema.attachments,
} satisfies Record<string, SQLiteTable>;

export type TravellingTableName = keyof typeof ORDER;

/** How a column's value travels: text, JSON (a list of texts or an object of flags), whole number, flag, number. */
export type ColumnKind = 'text' | 'json' | 'integer' | 'boolean' | 'real';

export interface ColumnSpec {
  /** The SQL column name (rows travel keyed by it). */
  name: string;
  kind: ColumnKind;
  notNull: boolean;
  /** The allowed values of an enum text column. */
  enumValues: readonly string[] | null;
}

export interface Ref {
  column: string;
  parent: TravellingTableName;
}

export interface TravellingTable {
  name: TravellingTableName;
  /** In schema order. */
  columns: readonly ColumnSpec[];
  /** References to travelling tables (attachments' sha256 → blobs is checked separately). */
  refs: readonly Ref[];
}

/** A value as it travels: text, a number, a flag as true/false, a JSON column parsed (as the schema types it). */
export type TravellingValue = string | number | boolean | null | string[] | Record<string, boolean>;
/** A row as it travels: SQL column name → value, every column present. */
export type TravellingRow = Record<string, TravellingValue>;

const KINDS: Record<string, ColumnKind> = {
  SQLiteText: 'text',
  SQLiteTextJson: 'json',
  SQLiteInteger: 'integer',
  SQLiteBoolean: 'boolean',
  SQLiteReal: 'real',
};

const isTravelling = (name: string): name is TravellingTableName => Object.hasOwn(ORDER, name);

function kindOf(table: string, col: Column): ColumnKind {
  const kind = KINDS[col.columnType];
  if (!kind) throw new Error(`column ${table}.${col.name} of type ${col.columnType} cannot travel`);
  return kind;
}

interface Internal extends TravellingTable {
  drizzle: readonly Column[];
}

function specOf(name: TravellingTableName, table: SQLiteTable): Internal {
  const cfg = getTableConfig(table);
  if (cfg.name !== name) throw new Error(`travelling table ${name} is ${cfg.name} in the schema`);
  const drizzle = Object.values(getTableColumns(table));
  const columns = drizzle.map((c) => {
    const enumValues = (c as unknown as { enumValues?: readonly string[] }).enumValues;
    return { name: c.name, kind: kindOf(name, c), notNull: c.notNull, enumValues: enumValues?.length ? enumValues : null };
  });
  const refs = cfg.foreignKeys.flatMap((fk) => {
    const r = fk.reference();
    const parent = getTableConfig(r.foreignTable).name;
    if (parent === 'blobs') return [];
    if (!isTravelling(parent)) throw new Error(`travelling table ${name} refers to ${parent}, which does not travel`);
    return [{ column: r.columns[0]!.name, parent }];
  });
  return { name, columns, refs, drizzle };
}

const SPECS: readonly Internal[] = (Object.entries(ORDER) as [TravellingTableName, SQLiteTable][]).map(([name, t]) => specOf(name, t));
const BY_NAME = new Map<string, Internal>(SPECS.map((s) => [s.name, s]));

/** The travelling tables, parents before children. */
export const TRAVELLING_TABLES: readonly TravellingTable[] = SPECS.map(({ name, columns, refs }) => ({ name, columns, refs }));

export function isTravellingTable(name: string): name is TravellingTableName {
  return BY_NAME.has(name);
}

/** db/ only: a travelling table's columns, as the SQL identifiers of a statement. */
export function quotedColumns(table: TravellingTableName): string[] {
  return spec(table).columns.map((c) => `"${c.name}"`);
}

function spec(table: TravellingTableName): Internal {
  const s = BY_NAME.get(table);
  if (!s) throw new Error(`${table} is not a travelling table`);
  return s;
}

export interface DriverCodec {
  /** A raw SQLite row (values in column order) → the travelling row. */
  fromDb(values: readonly unknown[]): TravellingRow;
  /** A checked travelling row → the values to bind, in column order. */
  toDb(row: Readonly<Record<string, unknown>>): unknown[];
}

const CODECS = new Map<string, DriverCodec>();

/** db/ only: the mapping of one travelling table's rows across the driver (built once per table). */
export function driverCodec(table: TravellingTableName): DriverCodec {
  let c = CODECS.get(table);
  if (c) return c;
  const s = spec(table);
  const names = s.columns.map((col) => col.name);
  // Only flags and JSON columns change across the driver; text and numbers pass as they are.
  const mappers = s.drizzle.map((col) => (col.columnType === 'SQLiteBoolean' || col.columnType === 'SQLiteTextJson' ? col : null));
  c = {
    fromDb(values) {
      const row: TravellingRow = {};
      for (let i = 0; i < names.length; i++) {
        const v = values[i];
        const m = mappers[i];
        row[names[i]!] = v == null ? null : m ? (m.mapFromDriverValue(v) as TravellingValue) : (v as TravellingValue);
      }
      return row;
    },
    toDb(row) {
      return names.map((name, i) => {
        const v = row[name];
        const m = mappers[i];
        return v == null ? null : m ? m.mapToDriverValue(v) : v;
      });
    },
  };
  CODECS.set(table, c);
  return c;
}
