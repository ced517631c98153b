// The main process's log: stderr, and a file in the user-data folder that support can ask
// for (the Chinese error messages tell the user to pass on "详细信息"). Never sent anywhere.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';

export type Log = (message: string, error?: unknown) => void;

export function createLog(file: string | null, write: (line: string) => void = (l) => process.stderr.write(l)): Log {
  let fileOk = file !== null;
  if (file) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch {
      fileOk = false;
    }
  }
  return (message, error) => {
    const detail = error === undefined ? '' : `\n${error instanceof Error ? (error.stack ?? error.message) : inspect(error)}`;
    const line = `${new Date().toISOString()} ${message}${detail}\n`;
    write(line);
    if (fileOk && file) {
      try {
        appendFileSync(file, line);
      } catch {
        fileOk = false; // a full or read-only disk must not stop the app
      }
    }
  };
}
