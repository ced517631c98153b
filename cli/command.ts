import type { Io } from './io.ts';

export interface Command {
  name: string;
  /** One line, Chinese, for the command list. */
  summary: string;
  usage: string;
  /** Returns the exit code (0 success). Throws UserError when refused. */
  run(argv: string[], io: Io): number | Promise<number>;
}
