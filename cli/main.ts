// The command-line shell (../shared/spec/CLI.md): parses, calls the core, prints, and maps
// outcomes to exit codes — 0 success, 1 refused (Chinese message on stderr), 2 wrong usage.
// Only the command that runs is loaded (cli/command-table.ts): the entry imports nothing heavy.
import { translateDbError } from '../core/errors.ts';
import { isUserError } from '../shared/errors.ts';
import { COMMANDS } from './command-table.ts';
import { processIo } from './io.ts';

/** Exported so a test can load every command from the bundle in one process. */
export { COMMANDS };

function helpText(): string {
  return [
    '扶贫档案 relief-archive — 乡镇扶贫工作站建档立卡档案（命令行）',
    '',
    '用法：relief-archive <命令> --db 档案文件 [选项] [--json]',
    '',
    '命令：',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(Math.max(...COMMANDS.map((x) => x.name.length)) + 2)}${c.summary}`),
    '',
    COMMON_HELP,
    '每个命令的用法：relief-archive <命令> --help',
  ].join('\n');
}

/** The options every command takes, and where the password comes from: in every help text. */
const COMMON_HELP = [
  '通用选项：--db 档案文件  --json 输出一个 JSON 对象（其余信息在标准错误输出）  --operator 操作员姓名（或环境变量 RELIEF_ARCHIVE_OPERATOR）  --help 帮助',
  '密码：在终端中询问，或用环境变量 RELIEF_ARCHIVE_PASSWORD（不要写在命令参数里）。',
  '退出码：0 完成，1 被拒绝（档案没有改动，原因见提示），2 用法有误。',
].join('\n');

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  const io = processIo(json);
  if (name === undefined) {
    // Wrong usage: the help goes to stderr, stdout stays empty (a script reading --json gets nothing).
    io.err(`请写明要运行的命令。\n\n${helpText()}`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    // With --json, help too is one JSON object (the text in "help").
    io.out(json ? JSON.stringify({ help: helpText(), commands: COMMANDS.map((c) => ({ name: c.name, summary: c.summary })) }, null, 2) : helpText());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`未知命令“${name}”。\n\n${helpText()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    const help = `${command.summary}\n用法：${command.usage}\n\n${COMMON_HELP}`;
    io.out(json ? JSON.stringify({ command: command.name, summary: command.summary, usage: command.usage, help }, null, 2) : help);
    return 0;
  }
  try {
    const { setInvocation } = await import('./with-archive.ts');
    setInvocation(rest, command.acts(rest));
    return await command.run(rest, io);
  } catch (caught) {
    const e = translateDbError(caught) ?? caught;
    if (isUserError(e)) {
      io.err(e.message);
      for (const d of e.details) io.err(`  ${d}`);
      return e.kind === 'usage' ? 2 : 1;
    }
    io.err(`程序内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n未完成的修改已全部撤销。请把这段信息告知技术支持。`);
    return 1;
  }
}
