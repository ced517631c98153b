import type { Access } from '../shared/roles.ts';
import type { Io } from './io.ts';

export interface Command {
  name: string;
  /** One line, Chinese, for the command list. */
  summary: string;
  usage: string;
  /**
   * What this invocation does in the contract's terms — the endpoint it acts as, or an access
   * preset (shared/roles.ts) — so the role checks are the API's; null: before any archive exists.
   */
  acts(argv: readonly string[]): Access | null;
  /** Returns the exit code (0 success). Throws UserError when refused. */
  run(argv: string[], io: Io): number | Promise<number>;
}
