// `npm run web [-- --db FILE] [--port N] [--data-dir DIR] [--today YYYY-MM-DD]`
// --today (or RELIEF_ARCHIVE_TODAY) fixes the business day, e.g. to show a demo made for that day.
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths.ts';
import { TODAY_ENV } from '../shared/clock.ts';
import { startWebShell } from './server.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' }, 'data-dir': { type: 'string' }, today: { type: 'string' } },
});
try {
  const shell = await startWebShell({
    ...(values.db ? { db: values.db } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
    dataDir: values['data-dir'] ?? defaultDataDir(process.env, process.platform, homedir()),
    today: values.today ?? (process.env[TODAY_ENV] || null),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(`扶贫档案（浏览器外壳）已启动，只接受本机访问。请在浏览器中打开：\n${shell.url}\n按 Ctrl+C 退出。\n`);
  const stop = () => void shell.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
