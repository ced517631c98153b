// Choosing a file: the shell's own dialog (Electron's open and save boxes). A path that comes back
// is registered as chosen by the user, which is what lets the other endpoints read or write it
// (core/api/path-guard.ts). The browser shell has no such dialog and says so.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

/** What the file is for: the dialog's filter and wording. */
export const FILE_KINDS = ['package', 'public-key', 'key-export', 'archive', 'document', 'workbook', 'backup'] as const;

export const filesApi = {
  /** The path chosen, or null when the clerk cancelled. `save`: the dialog asks before replacing a file. */
  choose: endpoint<{ path: string | null }>()(
    'files.choose',
    z.object({
      mode: z.enum(['open', 'save']),
      kind: z.enum(FILE_KINDS),
      title: z.string().trim().min(1).max(40),
      /** Proposed name or path (the field's current value); a bare name, or none, is proposed beside the open archive. */
      defaultPath: z.string().max(1000).default(''),
    }),
  ),
};

export type ChooseRequest = z.output<typeof filesApi.choose.input>;
