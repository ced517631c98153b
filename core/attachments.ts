// Attachments: the bytes are kept once per sha256 inside the archive (so one file holds the
// whole 档案), the type is read from the bytes themselves (never trusted from the name), and
// adding one is audited like any other change.
import { createHash, randomUUID } from 'node:crypto';
import { writeTransaction } from '../db/handles.ts';
import type { ReadDb } from '../db/handles.ts';
import type { Db } from '../db/open.ts';
import { attachmentContentOf, attachmentsOf, householdExists, insertAttachment, meetingWithBatchTitle, stepWithBatchTitle } from '../db/repos/attachments.ts';
import type { AttachmentRow } from '../db/repos/attachments.ts';
import { recordAudit } from '../db/repos/audit.ts';
import type { Actor } from '../shared/actor.ts';
import type { AttachmentMime, AttachmentOwner, AttachmentView } from '../shared/api/index.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../shared/api/index.ts';
import { UserError } from '../shared/errors.ts';

const SIGNATURES: [AttachmentMime, number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  return SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b))?.[0] ?? null;
}

function toView(row: AttachmentRow): AttachmentView {
  const { version: _v, ...rest } = row;
  return rest;
}

export function listAttachments(db: ReadDb, ownerTable: string, ownerId: string): AttachmentView[] {
  return attachmentsOf(db, ownerTable, ownerId).map(toView);
}

export interface NewAttachment {
  ownerTable: AttachmentOwner;
  ownerId: string;
  originalName: string;
  caption: string | null;
  dataBase64: string;
}

/** The record a file is attached to must exist; returns the household it belongs to (if any) and how the audit note begins. */
function ownerOf(db: ReadDb, table: AttachmentOwner, id: string): { householdId: string | null; lead: string } {
  switch (table) {
    case 'households': {
      if (!householdExists(db, id)) throw new UserError('找不到要添加资料的这一户，可能已被删除。请刷新后重试。');
      return { householdId: id, lead: '' };
    }
    case 'batch_steps': {
      const step = stepWithBatchTitle(db, id);
      if (!step) throw new UserError('找不到要添加资料的这个环节，可能所在批次已被删除。请刷新后重试。');
      return { householdId: null, lead: `为批次“${step.title}”第${step.seq}步` };
    }
    case 'meetings': {
      const m = meetingWithBatchTitle(db, id);
      if (!m) throw new UserError('找不到要添加资料的这次会议记录，可能已被删除。请刷新后重试。');
      return { householdId: null, lead: `为批次“${m.title}”${m.heldOn}民主评议会议` };
    }
  }
}

export function addAttachment(db: Db, actor: Actor, input: NewAttachment): AttachmentView {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new UserError(`文件“${input.originalName}”是空的，请重新选择。`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new UserError(`文件“${input.originalName}”太大（${(bytes.length / 1048576).toFixed(1)}MB）：单个文件不能超过15MB，请压缩或分页扫描。`);
  const mime = sniffMime(bytes);
  if (!mime) {
    throw new UserError(`文件“${input.originalName}”不是可以存档的类型：只接受 ${Object.values(ATTACHMENT_TYPES).join('、')}。请把扫描件另存为 PDF 或 JPG 后再添加。`);
  }
  const owner = ownerOf(db, input.ownerTable, input.ownerId);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const now = actor.now().toISOString();
  const row = {
    id: randomUUID(),
    version: 1,
    updatedAt: now,
    updatedBy: actor.operator,
    sha256,
    size: bytes.length,
    mime,
    originalName: input.originalName.replace(/[\\/]/g, '_'),
    ownerTable: input.ownerTable,
    ownerId: input.ownerId,
    caption: input.caption,
  };
  writeTransaction(db, (w) => {
    insertAttachment(w, row, bytes);
    recordAudit(w, actor, {
      action: 'attach',
      tableName: 'attachments',
      recordId: row.id,
      householdId: owner.householdId,
      after: { originalName: row.originalName, mime, size: row.size, sha256, ownerTable: input.ownerTable, ownerId: input.ownerId },
      note: `${owner.lead}添加档案资料“${row.originalName}”（${ATTACHMENT_TYPES[mime]}，${Math.max(1, Math.round(row.size / 1024))}KB）`,
    });
  });
  return toView(row);
}

export function attachmentContent(db: ReadDb, id: string): { mime: string; dataBase64: string; originalName: string } {
  const row = attachmentContentOf(db, id);
  if (!row) throw new UserError('找不到这份资料，可能已被删除。请刷新后重试。');
  return { mime: row.mime, dataBase64: row.data.toString('base64'), originalName: row.name };
}
