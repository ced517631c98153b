// Test helper: runs one fuzz case through the importer — the same core entry the CLI calls —
// against one archive that already holds data, and says what went wrong, if anything:
// anything thrown but a UserError with a Chinese message, a refusal or dry run that changed
// the archive, or an import that did not apply exactly what it reported.
//
// "Unchanged" is decided by archiveChecksum, computed only when it can differ: a second
// connection holds a read snapshot of the archive as it was before the case (WAL), so when
// the importer's connection did write anything, before and after are both at hand.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { archiveChecksum, countRows, openReadOnly, totalChanges } from '../../../db/testing.ts';
import type { ReadOnlyArchive } from '../../../db/testing.ts';
import type { Archive } from '../../../db/open.ts';
import type { Actor } from '../../../shared/actor.ts';
import { isUserError } from '../../../shared/errors.ts';
import { ImportRefused, importRoster } from '../index.ts';
import type { ImportResult } from '../index.ts';
import { loadBook } from './book.ts';
import type { FuzzCase } from './mutate.ts';

const CHINESE = /[\u4e00-\u9fff]/;

export interface Counts {
  households: number;
  members: number;
  imports: number;
}

export type Outcome = 'applied' | 'refused' | 'dry-run';

export interface CaseReport {
  outcome: Outcome | 'crashed';
  /** Why the case failed; null when the importer behaved. */
  failure: string | null;
}

/** An actor whose clock moves on a second per call, so backups taken before imports get distinct names. */
export function tickingActor(operator: string, start: string): Actor {
  let t = Date.parse(start);
  return { operator, now: () => new Date((t += 1000)) };
}

const countsOf = (a: Pick<Archive, 'db'>): Counts => ({ households: countRows(a.db, 'households'), members: countRows(a.db, 'members'), imports: countRows(a.db, 'importsLog') });

export class ImportOracle {
  private n = 0;
  /** A second connection: its open read transaction is the archive as it was before the case. */
  private readonly snapshot: ReadOnlyArchive;

  constructor(
    readonly archive: Archive,
    readonly actor: Actor,
    readonly dir: string,
  ) {
    this.snapshot = openReadOnly(archive.file, archive.key);
  }

  close(): void {
    this.snapshot.close();
  }

  private totalChanges(): number {
    return totalChanges(this.archive);
  }

  /** Runs one case with its options; a dry run must never write. */
  async run(c: FuzzCase): Promise<CaseReport> {
    const opts = c.options;
    const file = join(this.dir, `花名册-${++this.n}.xlsx`);
    const backupDir = join(this.dir, '备份');
    writeFileSync(file, c.bytes);
    this.snapshot.holdSnapshot();
    const before = countsOf(this.snapshot); // the first read fixes the snapshot
    const changes = this.totalChanges();
    let result: ImportResult | undefined;
    let error: unknown;
    try {
      result = await importRoster(this.archive, this.actor, file, { ...opts, backupDir });
    } catch (e) {
      error = e;
    } finally {
      rmSync(file, { force: true });
      if (existsSync(backupDir)) rmSync(backupDir, { recursive: true, force: true });
    }
    const failures: string[] = [];
    try {
      const after = countsOf(this.archive);
      const unchanged = () => this.totalChanges() === changes || archiveChecksum(this.snapshot.sqlite) === archiveChecksum(this.archive.sqlite);
      if (error !== undefined) {
        if (!isUserError(error)) failures.push(`threw ${describe(error)}`);
        else {
          if (!CHINESE.test(error.message)) failures.push(`UserError without a Chinese message: ${error.message}`);
          if (c.wellFormed && /无法读取/.test(error.message)) failures.push(`a well-formed workbook was refused as unreadable: ${describe(error.cause)}`);
          if (error instanceof ImportRefused) {
            if (!error.result.problems.some((p) => p.severity === 'error')) failures.push('refused without any problem of severity error');
            const bad = error.result.problems.find((p) => !CHINESE.test(p.message) || typeof p.sheet !== 'string' || !Number.isInteger(p.row) || typeof p.column !== 'string');
            if (bad) failures.push(`malformed problem: ${JSON.stringify(bad).slice(0, 300)}`);
          }
        }
        if (!unchanged()) failures.push(`${isUserError(error) ? 'refused' : 'crashed'}, but the archive changed (half-write): ${JSON.stringify({ before, after })}`);
      } else if (!result!.applied) {
        if (!opts.dryRun) failures.push('returned without applying, and not a dry run');
        if (!unchanged()) failures.push('a dry run changed the archive');
      } else {
        const r = result!;
        if (opts.dryRun) failures.push('applied during a dry run');
        // With re-import, households already in the archive are updated, not added.
        const expected = r.preview ? { households: r.preview.added, members: r.preview.membersAdded } : { households: r.households, members: r.members };
        const grew = { households: after.households - before.households, members: after.members - before.members, imports: after.imports - before.imports };
        if (grew.households !== expected.households || grew.members !== expected.members || grew.imports !== 1) {
          failures.push(`applied, but the archive grew by ${JSON.stringify(grew)} where the import reported ${JSON.stringify(expected)} and one log entry`);
        }
        if (!r.problems.every((p) => p.severity === 'warning')) failures.push('applied with problems of severity error');
      }
      const rejected = result?.rejectedWorkbook ?? (error instanceof ImportRefused ? error.result.rejectedWorkbook : null);
      if (rejected) {
        if (!opts.wantRejected) failures.push('a rejected-rows workbook nobody asked for');
        try {
          if (!(await loadBook(rejected)).sheets.length) failures.push('the rejected-rows workbook has no sheet');
        } catch (e) {
          failures.push(`the rejected-rows workbook cannot be read back: ${describe(e)}`);
        }
      }
    } finally {
      this.snapshot.releaseSnapshot();
    }
    const outcome: CaseReport['outcome'] = error === undefined ? (result!.applied ? 'applied' : 'dry-run') : isUserError(error) ? 'refused' : 'crashed';
    return { outcome, failure: failures.length ? `seed ${c.seed} [${c.ops.join('; ')}]: ${failures.join(' | ')}` : null };
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.constructor.name}: ${e.message.slice(0, 300)}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(e);
}
