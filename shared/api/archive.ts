// Which archive is open, who is working, creating and opening archives.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import type { Role } from '../roles.ts';
import { ADMIN, MAINTAIN, READ, ROLES, SESSION } from '../roles.ts';
import { password } from './accounts.ts';
import { optionalText, text } from './schemas.ts';

export interface ArchiveSummary {
  file: string;
  township: string;
  role: 'township' | 'county';
  schemaVersion: number;
  county: string | null;
  province: string | null;
  /** The backup taken before upgrading, when opening migrated the archive. */
  backupFile: string | null;
}

export interface SessionState {
  /** The logged-in operator, who signs every change (谁签字谁负责); null until login. */
  operator: string | null;
  role: Role | null;
  roleLabel: string | null;
  /** An archive chosen but not open: its login (or, for a plain archive from before encryption, its upgrade) is due. */
  pending: { file: string; kind: 'login' | 'upgrade' } | null;
  /** Minutes without use after which the app locks (the archive's setting); null while none is open. */
  idleLockMinutes: number | null;
  archive: ArchiveSummary | null;
  recent: { file: string; township: string; openedAt: string }[];
  /** Where new archives are created when no file is named. */
  dataDir: string;
  /** Today for the shell (YYYY-MM-DD): the renderer's default dates and years come from it, not the machine's calendar. */
  today: string;
  /** Set when the open archive was found damaged: it may only be read; the message says how to restore. */
  damaged: string | null;
}

/** 乡镇设置: the township's name (fixed) and the facts filled in later. */
export interface TownshipSettings {
  name: string;
  code: string | null;
  county: string | null;
  province: string | null;
}

/** The start screen's choices: archives in the app's folder, and which archives are open elsewhere. */
export interface ArchiveChoices {
  /** The app's archive folder (where new archives go). */
  folder: string;
  /** Archive files in that folder that are not in the recent list, newest first. */
  inFolder: { file: string; name: string; bytes: number; modifiedAt: string; busy: string | null }[];
  /** Recent archives another window or computer has open now: file → "正由 张三（桌面程序）于 … 起使用". */
  busy: Record<string, string>;
  /** The shell has a native file dialog (the desktop app); the browser shell has none. */
  nativeDialogs: boolean;
}

/** Shown once, when an archive is created or encrypted: the station chief writes it down for the safe. */
export type CreatedState = SessionState & { recoveryCode: string };

const admin = z.object({ name: text('管理员姓名', 20).min(1, '请填写管理员（站长）姓名'), password: password('管理员密码') }, { error: '请填写管理员（站长）的姓名和密码' });

export const archiveApi = {
  session: endpoint<SessionState>()('archive.session', z.object({})),
  /** 乡镇设置: the township's 区划代码, 县 and 省. */
  settings: endpoint<TownshipSettings>()('archive.settings', z.object({}), READ),
  /** 区划代码 / 县 / 省 filled in or corrected later (the station chief; audited). */
  saveSettings: endpoint<TownshipSettings>()(
    'archive.saveSettings',
    z.object({
      code: z.string().trim().regex(/^\d{12}$/, '区划代码应为12位数字的统计用区划代码，例如 511922101000').nullable().default(null),
      county: optionalText('县名', 40),
      province: optionalText('省名', 40),
    }),
    ADMIN,
  ),
  /** For the start screen: the archive folder's archives and the ones open elsewhere (no login needed). */
  choices: endpoint<ArchiveChoices>()('archive.choices', z.object({}), READ),
  create: endpoint<CreatedState>()(
    'archive.create',
    z.object({
      name: text('乡镇名称', 40).min(1, '请填写乡镇名称'),
      code: z.string().regex(/^\d{12}$/, '区划代码应为12位数字').nullable().default(null),
      county: optionalText('县名', 40),
      province: optionalText('省名', 40),
      role: z.enum(['township', 'county']).default('township'),
      /** A full path; default: <dataDir>/<name>.db */
      file: z.string().min(1).nullable().default(null),
      /** The first account: the station chief (管理员), or the county's reviewer. */
      admin,
    }),
    SESSION,
    { file: 'write' },
  ),
  /** Chooses an archive: its login is then due (or its upgrade, for a plain one). */
  open: endpoint<SessionState>()('archive.open', z.object({ file: z.string().min(1, '请选择档案文件') }), SESSION, { file: 'read' }),
  login: endpoint<SessionState>()('archive.login', z.object({ name: text('姓名', 20).min(1, '请填写姓名'), password: password() }), SESSION),
  /** The recovery code opens the archive and sets a new password for an administrator (and rebuilds a lost key file). */
  recover: endpoint<SessionState>()(
    'archive.recover',
    z.object({ recoveryCode: z.string().trim().min(1, '请填写恢复码').max(100, '恢复码过长'), name: text('管理员姓名', 20).min(1, '请填写管理员姓名'), password: password('新密码') }),
    SESSION,
  ),
  /** A plain archive from before encryption: the station chief's account, then encrypted in place (backup, encrypt, verify, swap). */
  upgrade: endpoint<CreatedState & { plainBackup: string }>()('archive.upgrade', z.object({ admin, jobId: z.string().min(6).max(80).nullable().default(null) }), SESSION),
  /** After an upgrade: deletes the plain backup, which holds personal data in clear. */
  deletePlainBackup: endpoint<{ deleted: string }>()('archive.deletePlainBackup', z.object({ file: z.string().min(1) }), MAINTAIN, { file: 'write' }),
  /** Locks: the archive is closed (its key dropped from memory) until the password is given again. */
  lock: endpoint<SessionState>()('archive.lock', z.object({}), SESSION),
  changePassword: endpoint<SessionState>()('archive.changePassword', z.object({ oldPassword: password('原密码'), newPassword: password('新密码') }), { writes: true, roles: ROLES }),
  close: endpoint<SessionState>()('archive.close', z.object({}), SESSION),
};
