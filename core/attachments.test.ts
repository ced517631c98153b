import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOfHousehold } from '../db/repos/audit.ts';
import { countRows, rowsWhere, tempDir } from '../db/testing.ts';
import { UserError } from '../shared/errors.ts';
import { initArchive } from './archive.ts';
import type { Archive } from './archive.ts';
import { addAttachment, attachmentContent, listAttachments, sniffMime } from './attachments.ts';
import { generateDemo } from './demo/index.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('synthetic photo bytes')]);
const PDF = Buffer.from('%PDF-1.4\n% synthetic scan\n');
let archive: Archive;
let householdId: string;
const count = (t: 'attachments' | 'blobs' | 'auditLog') => countRows(archive.db, t);
const add = (name: string, bytes: Buffer, ownerId = householdId) =>
  addAttachment(archive.db, actor, { ownerTable: 'households', ownerId, originalName: name, caption: null, dataBase64: bytes.toString('base64') });

beforeEach(() => {
  archive = initArchive({ file: `${tempDir()}/a.db`, name: '青山镇', code: '511922101000' }, actor);
  generateDemo(archive, { villages: 1, households: 5, seed: 'att', asOf: '2026-11-24', actor });
  householdId = rowsWhere(archive.db, 'households')[0]!.id;
});
afterEach(() => archive.close());

describe('attachments', () => {
  it('stores a photo by content hash, lists it, returns the same bytes, and audits it', () => {
    const a = add('入户照片.jpg', JPEG);
    expect(a).toMatchObject({ mime: 'image/jpeg', size: JPEG.length, originalName: '入户照片.jpg', updatedBy: '李会计' });
    expect(listAttachments(archive.db, 'households', householdId).map((x) => x.id)).toEqual([a.id]);
    expect(Buffer.from(attachmentContent(archive.db, a.id).dataBase64, 'base64').equals(JPEG)).toBe(true);
    expect(auditOfHousehold(archive.db, householdId)[0]).toMatchObject({ action: 'attach', note: expect.stringContaining('入户照片.jpg') as unknown });
  });

  it('keeps identical content once', () => {
    add('申请书.pdf', PDF);
    add('申请书-副本.pdf', PDF);
    expect(count('attachments')).toBe(2);
    expect(count('blobs')).toBe(1);
  });

  it.each([
    ['a text file named .jpg', '照片.jpg', Buffer.from('hello, not a photo'), /不是可以存档的类型/],
    ['an empty file', '空.pdf', Buffer.alloc(0), /是空的/],
    ['a file over 15 MB', '大.pdf', Buffer.concat([PDF, Buffer.alloc(15 * 1024 * 1024)]), /太大/],
  ])('refuses %s and writes nothing', (_what, name, bytes, message) => {
    const before = (['attachments', 'blobs', 'auditLog'] as const).map(count);
    let err: unknown;
    try {
      add(name, bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
    expect((['attachments', 'blobs', 'auditLog'] as const).map(count)).toEqual(before);
  });

  it('refuses an attachment for a household that does not exist', () => {
    expect(() => add('x.pdf', PDF, 'missing')).toThrow(/找不到要添加资料的这一户/);
    expect(count('blobs')).toBe(0);
  });

  it('attaches a photo of a posted notice to a batch step and a scan to a meeting, audited without a household', () => {
    // A demo township big enough to hold batches at the publicity and meeting steps.
    archive.close();
    archive = initArchive({ file: `${tempDir()}/b.db`, name: '青山镇', code: '511922101000' }, actor);
    generateDemo(archive, { villages: 3, households: 90, seed: 'att', asOf: '2026-11-24', actor });
    const publicity = rowsWhere(archive.db, 'batchSteps', { isPublicity: true })[0]!;
    const step = { ...publicity, title: rowsWhere(archive.db, 'batches', { id: publicity.batchId })[0]!.title };
    const meeting = rowsWhere(archive.db, 'meetings')[0]!;
    const photo = addAttachment(archive.db, actor, { ownerTable: 'batch_steps', ownerId: step.id, originalName: '公示照片.jpg', caption: '村务公开栏', dataBase64: JPEG.toString('base64') });
    const scan = addAttachment(archive.db, actor, { ownerTable: 'meetings', ownerId: meeting.id, originalName: '会议记录.pdf', caption: null, dataBase64: PDF.toString('base64') });
    expect(listAttachments(archive.db, 'batch_steps', step.id).map((a) => [a.id, a.ownerTable])).toEqual([[photo.id, 'batch_steps']]);
    expect(listAttachments(archive.db, 'meetings', meeting.id).map((a) => a.id)).toEqual([scan.id]);
    const audit = rowsWhere(archive.db, 'auditLog', { action: 'attach' }).map((e) => ({ h: e.householdId, note: e.note }));
    expect(audit).toEqual([
      { h: null, note: expect.stringContaining(`为批次“${step.title}”第${step.seq}步添加档案资料“公示照片.jpg”`) as unknown },
      { h: null, note: expect.stringContaining(`${meeting.heldOn}民主评议会议添加档案资料“会议记录.pdf”`) as unknown },
    ]);
  });

  it.each([
    ['batch_steps', /找不到要添加资料的这个环节/],
    ['meetings', /找不到要添加资料的这次会议记录/],
  ] as const)('refuses an attachment for a %s record that does not exist', (ownerTable, message) => {
    const before = (['attachments', 'blobs', 'auditLog'] as const).map(count);
    expect(() => addAttachment(archive.db, actor, { ownerTable, ownerId: householdId, originalName: 'x.pdf', caption: null, dataBase64: PDF.toString('base64') })).toThrow(message);
    expect((['attachments', 'blobs', 'auditLog'] as const).map(count)).toEqual(before);
  });

  it('never keeps a path from the file name', () => {
    expect(add('..\\..\\windows\\照片.jpg', JPEG).originalName).toBe('.._.._windows_照片.jpg');
  });

  it('recognises types by their bytes', () => {
    expect(sniffMime(JPEG)).toBe('image/jpeg');
    expect(sniffMime(PDF)).toBe('application/pdf');
    expect(sniffMime(Buffer.from('GIF89a'))).toBeNull();
  });
});
