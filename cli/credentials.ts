// Who runs a command and with which password: the operator from --operator or
// RELIEF_ARCHIVE_OPERATOR, the password from RELIEF_ARCHIVE_PASSWORD or asked on the terminal
// (never an argument: arguments show up in process lists and shell history).
import { createInterface } from 'node:readline';
import type { Credentials } from '../core/accounts/login.ts';
import { UserError } from '../shared/errors.ts';

export const OPERATOR_ENV = 'RELIEF_ARCHIVE_OPERATOR';
export const PASSWORD_ENV = 'RELIEF_ARCHIVE_PASSWORD';

export function operatorName(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const i = argv.indexOf('--operator');
  const given = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--operator='))?.slice('--operator='.length);
  return (given ?? env[OPERATOR_ENV])?.trim() || undefined;
}

/** Asks on the terminal without echoing what is typed. */
async function ask(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  out._writeToOutput = (s: string) => {
    if (s.includes(prompt)) out.output.write(prompt);
  };
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export async function passwordFor(name: string, env: NodeJS.ProcessEnv = process.env, label = '密码'): Promise<string> {
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UserError(`需要“${name}”的${label}：请在终端中运行以便输入，或用环境变量 ${PASSWORD_ENV} 给出（不要写在命令参数里）。`, { kind: 'usage' });
  }
  return ask(`请输入“${name}”的${label}：`);
}

export async function credentialsFrom(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Credentials> {
  const name = operatorName(argv, env);
  if (!name) throw new UserError(`请给出操作员姓名：--operator 姓名，或环境变量 ${OPERATOR_ENV}（档案已加密，按账户登录）。`, { kind: 'usage' });
  return { name, password: await passwordFor(name, env) };
}
