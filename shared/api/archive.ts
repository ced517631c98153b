// Which archive is open, who is working, creating and opening archives.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { SESSION } from '../roles.ts';
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
  operator: string | null;
  archive: ArchiveSummary | null;
  recent: { file: string; township: string; openedAt: string }[];
  /** Where new archives are created when no file is named. */
  dataDir: string;
  /** Today for the shell (YYYY-MM-DD): the renderer's default dates and years come from it, not the machine's calendar. */
  today: string;
}

export const archiveApi = {
  session: endpoint<SessionState>()('archive.session', z.object({})),
  setOperator: endpoint<SessionState>()('archive.setOperator', z.object({ name: text('操作员姓名', 20).min(1, '请填写操作员姓名') }), SESSION),
  create: endpoint<SessionState>()(
    'archive.create',
    z.object({
      name: text('乡镇名称', 40).min(1, '请填写乡镇名称'),
      code: z.string().regex(/^\d{12}$/, '区划代码应为12位数字').nullable().default(null),
      county: optionalText('县名', 40),
      province: optionalText('省名', 40),
      role: z.enum(['township', 'county']).default('township'),
      /** A full path; default: <dataDir>/<name>.db */
      file: z.string().min(1).nullable().default(null),
    }),
    SESSION,
  ),
  open: endpoint<SessionState>()('archive.open', z.object({ file: z.string().min(1, '请选择档案文件') }), SESSION),
  close: endpoint<SessionState>()('archive.close', z.object({}), SESSION),
};
