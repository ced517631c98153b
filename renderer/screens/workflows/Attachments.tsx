// Photos of a posted notice (on a publicity step) or scans of a meeting record: thumbnails, a
// link to save each, and an upload button. The archive checks the type from the bytes.
import { App, Button, Image, Space, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AttachmentOwner, AttachmentView } from '../../../shared/api/index.ts';
import { API, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../../shared/api/index.ts';
import { useMay } from '../../hooks/use-may.ts';
import { api } from '../../api.ts';
import { toBase64 } from '../../file-base64.ts';
import { blobUrl, useAttachmentImage } from '../../attachment-image.ts';
import { errorOf } from './shared.tsx';

function Thumb({ a }: { a: AttachmentView }) {
  const src = useAttachmentImage(a);
  const save = async (): Promise<void> => {
    const c = await api.attachments.content({ id: a.id });
    const link = document.createElement('a');
    link.href = blobUrl(c.mime, c.dataBase64);
    link.download = c.originalName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  return (
    <Space orientation="vertical" size={0} align="center" data-testid="owner-attachment">
      {a.mime.startsWith('image/') && src ? <Image src={src} width={64} height={48} style={{ objectFit: 'cover' }} alt={a.originalName} /> : <div className="file-icon" style={{ width: 64, height: 48 }}>PDF</div>}
      <Typography.Link style={{ fontSize: 12, maxWidth: 96 }} ellipsis title={`保存“${a.originalName}”到本机`} onClick={() => void save()}>
        {a.originalName}
      </Typography.Link>
    </Space>
  );
}

export default function Attachments({ ownerTable, ownerId, what, canAdd: open }: { ownerTable: AttachmentOwner; ownerId: string; what: string; canAdd: boolean }) {
  const { message } = App.useApp();
  const mayAdd = useMay(API.attachments.add);
  const canAdd = open && mayAdd;
  const [items, setItems] = useState<AttachmentView[]>([]);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setItems(await api.attachments.list({ ownerTable, ownerId }));
    } catch (e) {
      void message.error(`读取${what}失败：${errorOf(e).message}`, 6);
    }
  }, [ownerTable, ownerId, what, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (file: File): Promise<void> => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(`文件“${file.name}”太大：单个文件不能超过15MB，请压缩或分页扫描。`, 6);
      return;
    }
    setBusy(true);
    try {
      await api.attachments.add({ ownerTable, ownerId, originalName: file.name, caption: what, dataBase64: await toBase64(file) });
      void message.success(`已添加${what}“${file.name}”`);
      await load();
    } catch (e) {
      void message.error(errorOf(e).message, 6);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap align="start" size={8}>
      {items.map((a) => (
        <Thumb key={a.id} a={a} />
      ))}
      {canAdd && (
        <Upload
          accept={Object.keys(ATTACHMENT_TYPES).join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            void add(file);
            return false;
          }}
        >
          <Button size="small" loading={busy} data-testid={`upload-${ownerTable}`}>
            上传{what}
          </Button>
        </Upload>
      )}
      {!canAdd && items.length === 0 && <Typography.Text type="secondary">没有{what}</Typography.Text>}
    </Space>
  );
}
