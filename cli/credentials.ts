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

/** Asks on the terminal; what is typed is echoed only when `echo` (a name, never a password). */
async function ask(prompt: string, echo = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  if (!echo) {
    out._writeToOutput = (s: string) => {
      if (s.includes(prompt)) out.output.write(prompt);
    };
  }
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    rl.close();
    if (!echo) process.stderr.write('\n');
  }
}

/** Where the login comes from when a script runs the command (no terminal to ask on). */
const NO_TERMINAL = `请设置环境变量 ${OPERATOR_ENV}（操作员姓名，也可用 --operator 姓名）和 ${PASSWORD_ENV}（密码），或在终端中运行本命令、按提示输入。密码不能写在命令参数里（会留在命令历史和进程列表中）。`;

export async function passwordFor(name: string, env: NodeJS.ProcessEnv = process.env, label = '密码', confirm = false): Promise<string> {
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UserError(`需要“${name}”的${label}：${NO_TERMINAL}`, { kind: 'usage' });
  const first = await ask(`请输入“${name}”的${label}：`);
  if (confirm && (await ask(`请再输入一次“${name}”的${label}：`)) !== first) throw new UserError('两次输入的密码不一致，没有任何改动。请重新运行。', { kind: 'usage' });
  return first;
}

/**
 * The operator and password for this command. `newAccount`: init's first account (管理员), whose
 * password is typed twice at a terminal.
 */
export async function credentialsFrom(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, opts: { newAccount?: boolean } = {}): Promise<Credentials> {
  const who = opts.newAccount ? '管理员（站长）' : '操作员';
  let name = operatorName(argv, env);
  if (!name) {
    if (!process.stdin.isTTY) throw new UserError(`${opts.newAccount ? '新建档案要同时建立第一个管理员账户，需要姓名和密码' : '档案已加密，需要按账户登录'}：${NO_TERMINAL}`, { kind: 'usage' });
    name = (await ask(`请输入${who}姓名：`, true)).trim();
    if (!name) throw new UserError(`没有输入${who}姓名，没有任何改动。`, { kind: 'usage' });
  }
  return { name, password: await passwordFor(name, env, opts.newAccount ? '管理员密码' : '密码', opts.newAccount ?? false) };
}
