// Secrets the command line needs (a key export's passphrase): from an environment variable for
// scripts and tests, else typed at a terminal prompt without echo — never from an argument,
// which would stay in the shell history and show in the process list.
import { UserError } from '../shared/errors.ts';

/** Refuses the secret as an argument, saying where it goes instead. */
export function refuseSecretArgument(argv: readonly string[], option: string, env: string): void {
  if (argv.some((a) => a === `--${option}` || a.startsWith(`--${option}=`))) {
    throw new UserError(`口令不能写在命令行参数里（会留在命令历史和进程列表中）：请设置环境变量 ${env}，或在终端里运行、按提示输入。`, { kind: 'usage' });
  }
}

function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error: UserError | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish(null);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish(new UserError('已取消，没有任何改动。', { kind: 'usage' }));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.replace(/[\s\S]$/u, '');
        else if (ch >= ' ') value += ch;
      }
    };
    process.stderr.write(prompt);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/**
 * The secret from `env`, else from the terminal (typed twice when `confirm`); refused when
 * neither is there (a script without the variable).
 */
export async function readSecret(opts: { env: string; prompt: string; confirm?: boolean }): Promise<string> {
  const fromEnv = process.env[opts.env];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UserError(`需要口令：请设置环境变量 ${opts.env}，或在终端里运行本命令、按提示输入（口令不能写在命令参数里）。`, { kind: 'usage' });
  }
  const first = await promptHidden(`${opts.prompt}：`);
  if (opts.confirm && (await promptHidden('请再输入一次口令：')) !== first) throw new UserError('两次输入的口令不一致，没有任何改动。请重新运行。', { kind: 'usage' });
  return first;
}
