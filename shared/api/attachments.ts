// 档案资料: scans and photos attached to a record — a household, a batch step (photo of the
// posted notice) or a 民主评议 meeting (scan of the record) — kept by content hash.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { EDIT } from '../roles.ts';
import { id } from './schemas.ts';

/** Largest file accepted: a phone photo or a multi-page scan, not a video. */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  'image/jpeg': 'JPEG 照片',
  'image/png': 'PNG 图片',
  'application/pdf': 'PDF 扫描件',
} as const;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;

export interface AttachmentView {
  id: string;
  ownerTable: string;
  ownerId: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
  caption: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** The records a file may be attached to. */
export const ATTACHMENT_OWNERS = ['households', 'batch_steps', 'meetings'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

const owner = { ownerTable: z.enum(ATTACHMENT_OWNERS, '资料所属的记录类型无效'), ownerId: id };

export const attachmentsApi = {
  list: endpoint<AttachmentView[]>()('attachments.list', z.object(owner)),
  add: endpoint<AttachmentView>()(
    'attachments.add',
    z.object({
      ...owner,
      originalName: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
      caption: z.string().trim().max(200, '说明不能超过200个字').nullable().default(null),
      /** The file's bytes, base64-encoded (JSON carries no binary). */
      dataBase64: z.string().min(1, '文件是空的').max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, '文件太大：单个文件不能超过15MB，请压缩或分页扫描'),
    }),
    EDIT,
  ),
  content: endpoint<{ mime: string; dataBase64: string; originalName: string }>()('attachments.content', z.object({ id })),
};
