// Fast bulk inserts: one prepared statement per table, values mapped by the drizzle columns
// themselves (booleans → 0/1, JSON columns → text), so rows land exactly as drizzle would
// store them — without building a query per row.
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig } from 'drizzle-orm/sqlite-core';

export type Insert<T extends SQLiteTable> = (row: T['$inferInsert']) => void;

export function inserter<T extends SQLiteTable>(sqlite: Database.Database, table: T): Insert<T> {
  const { name } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table));
  const sql = `INSERT INTO "${name}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const stmt = sqlite.prepare(sql);
  return (row) => {
    const values = columns.map(([key, col]) => {
      let v: unknown = (row as Record<string, unknown>)[key];
      if (v === undefined) v = col.default ?? null;
      return v === null ? null : col.mapToDriverValue(v);
    });
    stmt.run(values);
  };
}
