// How a command talks to the terminal: exactly one JSON object on stdout with --json,
// readable Chinese text otherwise; progress and logs always on stderr.

export interface Io {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function processIo(json: boolean): Io {
  return {
    json,
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  };
}

/** Prints the result: the object as JSON, or the human text. */
export function emit(io: Io, value: object, human: () => string): void {
  io.out(io.json ? JSON.stringify(value, null, 2) : human());
}

/** A progress printer for stderr that writes at most every 5 %. */
export function progressPrinter(io: Io, label: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (pct === 100 || pct - last >= 5) {
      last = pct;
      io.err(`${label} ${pct}%（${done}/${total}）`);
    }
  };
}
