// The quality check kept between visits: problems per household, brought up to date by
// re-checking only the households a write touched (core/derived.ts tells which), in slices that
// give the shell's request loop back between them and report progress. The archive-wide part
// (one ID number in two households) is cheap and recomputed each time; a change of the check's
// context (its day, year, province or policy) re-checks everything. Checking everything of a
// large archive runs on worker threads (core/check-parallel.ts): the shell's loop stays free and
// the machine's cores share the work.
import type { Archive } from '../db/open.ts';
import { duplicateIdProblems, gatherFacts } from '../db/quality.ts';
import { householdNosInOrder } from '../db/repos/households.ts';
import { UserError } from '../shared/errors.ts';
import { runRules } from '../shared/quality/index.ts';
import type { Problem } from '../shared/quality/index.ts';
import { checkSetup, finishCheck } from './check.ts';
import { checkArchiveParallel, PARALLEL_FROM } from './check-parallel.ts';
import type { CheckResult, CheckSetup } from './check.ts';

/** Households per slice: tens of milliseconds each at 80k members. */
const SLICE = 150;

export type CheckProgress = (label: string, fraction: number) => void;

export class CheckCache {
  private contextKey: string | null = null;
  private readonly byHousehold = new Map<string, Problem[]>();
  private dirty: Set<string> | 'all' = 'all';
  private result: CheckResult | null = null;
  private running: Promise<CheckResult> | null = null;
  private readonly listeners = new Set<CheckProgress>();
  /** Households the last run re-checked (all of them, or only those a write touched). */
  lastRechecked = 0;

  constructor(
    private readonly archive: Archive,
    private readonly pause: () => Promise<void>,
    /** False once the archive is closed or replaced: a running check stops. */
    private readonly current: () => boolean,
    /** Re-checking everything from this many households runs on worker threads (tests force a small archive through). */
    private readonly parallelFrom: number = PARALLEL_FROM,
  ) {}

  /** The result, when nothing changed since it was computed for this day. */
  fresh(asOf: string): CheckResult | null {
    // A check running is re-checking households already taken off `dirty`: not current yet.
    const clean = this.running === null && this.dirty !== 'all' && this.dirty.size === 0;
    return clean && this.result?.asOf === asOf ? this.result : null;
  }

  /** Whether a result was ever computed (then a change is re-checked in the background). */
  get wanted(): boolean {
    return this.result !== null || this.running !== null;
  }

  changed(households: readonly string[] | 'all'): void {
    if (households === 'all' || this.dirty === 'all') this.dirty = 'all';
    else for (const h of households) this.dirty.add(h);
  }

  /** The up-to-date result; joins a check already running rather than starting a second. */
  async compute(asOf: string, onProgress?: CheckProgress): Promise<CheckResult> {
    if (onProgress) this.listeners.add(onProgress);
    try {
      for (;;) {
        if (this.running) {
          await this.running;
          continue;
        }
        const hit = this.fresh(asOf);
        if (hit) return hit;
        this.running = this.run(asOf).finally(() => {
          this.running = null;
        });
      }
    } finally {
      if (onProgress) this.listeners.delete(onProgress);
    }
  }

  private report(label: string, fraction: number): void {
    for (const l of this.listeners) l(label, fraction);
  }

  private async run(asOf: string): Promise<CheckResult> {
    const { db } = this.archive;
    const setup = checkSetup(this.archive, { asOf });
    const key = JSON.stringify(setup.ctx);
    if (key !== this.contextKey) this.dirty = 'all';
    const order = householdNosInOrder(db);
    try {
      return await this.walk(setup, key, order);
    } catch (e) {
      this.dirty = 'all';
      throw e;
    }
  }

  private async walk(setup: CheckSetup, key: string, order: { id: string; no: string }[]): Promise<CheckResult> {
    const dirty = this.dirty;
    const all = dirty === 'all';
    const todo = dirty === 'all' ? order.map((h) => h.id) : [...dirty];
    if (all) this.byHousehold.clear();
    this.dirty = new Set();
    this.contextKey = key;
    this.lastRechecked = todo.length;
    if (all && todo.length >= this.parallelFrom) await this.inWorkers(setup, todo.length);
    else await this.inSlices(setup, todo);
    return this.finish(setup, order);
  }

  /** Everything on worker threads, this thread waiting; its problems kept per household (Q105 is added at the end, as for a slice). */
  private async inWorkers(setup: CheckSetup, households: number): Promise<void> {
    let r: CheckResult;
    try {
      const onProgress = (f: number): void => this.report(`检查数据（${Math.round(f * households)} / ${households} 户）`, f);
      r = await checkArchiveParallel(this.archive, { asOf: setup.asOf, year: setup.year ?? undefined, callerShare: false, from: 0, onProgress });
    } catch (e) {
      if (!this.current()) throw new UserError('档案已关闭，数据检查已停止；重新打开档案后再看。');
      throw e;
    }
    for (const p of r.problems) {
      if (p.code === 'Q105') continue;
      const list = this.byHousehold.get(p.householdId);
      if (list) list.push(p);
      else this.byHousehold.set(p.householdId, [p]);
    }
  }

  private async inSlices(setup: CheckSetup, todo: string[]): Promise<void> {
    const { db } = this.archive;
    for (let i = 0; i < todo.length; i += SLICE) {
      this.report(`检查数据（${i} / ${todo.length} 户）`, i / todo.length);
      await this.pause();
      if (!this.current()) throw new UserError('档案已关闭，数据检查已停止；重新打开档案后再看。');
      const slice = todo.slice(i, i + SLICE);
      for (const id of slice) this.byHousehold.delete(id);
      for (const f of gatherFacts(db, { householdIds: slice })) this.byHousehold.set(f.household.id, runRules(f, setup.ctx, setup.rules));
    }
  }

  private finish(setup: CheckSetup, order: { id: string; no: string }[]): CheckResult {
    const { db } = this.archive;
    const position = new Map(order.map((h, i) => [h.id, i]));
    // A household deleted since: its problems go with it.
    for (const id of this.byHousehold.keys()) if (!position.has(id)) this.byHousehold.delete(id);
    this.report('检查重复的身份证号', 1);
    this.result = finishCheck(setup, [...this.byHousehold.values()].flat(), position, duplicateIdProblems(db, setup.asOf));
    return this.result;
  }
}
