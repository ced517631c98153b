// `npm run web [-- --db FILE] [--demo] [--port N] [--data-dir DIR] [--today YYYY-MM-DD] [--allow-dir DIR …]`
// --allow-dir names a folder (e.g. the USB stick) the page may read and write besides the app's own
// folders: the browser has no native file dialog to choose paths with.
// --today (or RELIEF_ARCHIVE_TODAY) fixes the business day, e.g. to show a demo made for that day.
// --demo opens the demo township (made on first use in the data folder, or at --db): a protected
// archive whose station chief's name and password are printed here and stated in README.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoArchive, DEMO_LOGIN } from '../core/demo/archive.ts';
import { defaultDataDir } from '../core/paths.ts';
import { clockFor, TODAY_ENV } from '../shared/clock.ts';
import { startWebShell } from './server.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, demo: { type: 'boolean', default: false }, port: { type: 'string' }, 'data-dir': { type: 'string' }, today: { type: 'string' }, 'allow-dir': { type: 'string', multiple: true } },
});
try {
  const dataDir = values['data-dir'] ?? defaultDataDir(process.env, process.platform, homedir());
  const today = values.today ?? (process.env[TODAY_ENV] || null);
  let db = values.db;
  if (values.demo) {
    if (!db) {
      mkdirSync(dataDir, { recursive: true });
      db = join(dataDir, '演示-青山镇.db');
    }
    if (!existsSync(db)) {
      process.stderr.write(`正在生成演示档案（虚构数据）：${db}\n`);
      const made = await createDemoArchive(db, { villages: 5, households: 600, seed: 'demo', asOf: clockFor(today).today() });
      made.archive.close();
    }
  }
  const shell = await startWebShell({
    ...(db ? { db } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
    dataDir,
    today,
    allowDirs: values['allow-dir'] ?? [],
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(`扶贫档案（浏览器外壳）已启动，只接受本机访问。请在浏览器中打开：\n${shell.url}\n按 Ctrl+C 退出。\n`);
  if (values.demo) process.stdout.write(`演示档案（虚构数据）：${db}\n登录：姓名 ${DEMO_LOGIN.name}，密码 ${DEMO_LOGIN.password}\n`);
  const stop = () => void shell.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
