// 档案资料: scans and photos of this household (signed forms, photos of posted notices …).
// Files are read in the page, sent as base64, and checked again by the archive (type by
// content, 15 MB at most). Images show as thumbnails; any file can be saved back to disk.
import { App, Button, Card, Image, Input, List, Space, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AttachmentView } from '../../shared/api/index.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import { toBase64 } from '../file-base64.ts';
import { blobUrl, useAttachmentImage } from '../attachment-image.ts';

function Thumb({ a }: { a: AttachmentView }) {
  const src = useAttachmentImage(a);
  if (!a.mime.startsWith('image/')) return <div className="file-icon">PDF</div>;
  return src ? <Image src={src} width={96} height={72} style={{ objectFit: 'cover' }} alt={a.originalName} /> : <div className="file-icon">…</div>;
}

export function AttachmentsTab({ householdId }: { householdId: string }) {
  const { message } = App.useApp();
  const [items, setItems] = useState<AttachmentView[]>([]);
  const [caption, setCaption] = useState('');
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    setItems(await api.attachments.list({ ownerTable: 'households', ownerId: householdId }));
  }, [householdId]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (file: File): Promise<void> => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(`文件“${file.name}”太大：单个文件不能超过15MB，请压缩或分页扫描。`);
      return;
    }
    setBusy(true);
    try {
      await api.attachments.add({ ownerTable: 'households', ownerId: householdId, originalName: file.name, caption: caption || null, dataBase64: await toBase64(file) });
      setCaption('');
      void message.success(`已添加“${file.name}”`);
      await load();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  };

  const save = async (a: AttachmentView): Promise<void> => {
    const c = await api.attachments.content({ id: a.id });
    const link = document.createElement('a');
    link.href = blobUrl(c.mime, c.dataBase64);
    link.download = c.originalName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  return (
    <Card size="small" title="档案资料（扫描件、照片）">
      <Space style={{ marginBottom: 12 }} wrap>
        <Input aria-label="资料说明" placeholder="说明（可不填），例如：入户核实照片" value={caption} onChange={(e) => setCaption(e.target.value)} style={{ width: 280 }} />
        <Upload
          accept={Object.keys(ATTACHMENT_TYPES).join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            void add(file);
            return false;
          }}
        >
          <Button type="primary" loading={busy} data-testid="add-attachment">
            添加扫描件或照片
          </Button>
        </Upload>
        <Typography.Text type="secondary">可添加 {Object.values(ATTACHMENT_TYPES).join('、')}，单个不超过15MB。</Typography.Text>
      </Space>
      <List
        dataSource={items}
        locale={{ emptyText: '还没有档案资料' }}
        renderItem={(a) => (
          <List.Item actions={[<Button key="save" onClick={() => void save(a)}>保存到本机</Button>]} data-testid="attachment-row">
            <List.Item.Meta
              avatar={<Thumb a={a} />}
              title={a.originalName}
              description={`${a.caption ? `${a.caption} · ` : ''}${ATTACHMENT_TYPES[a.mime as keyof typeof ATTACHMENT_TYPES] ?? a.mime} · ${Math.max(1, Math.round(a.size / 1024))}KB · ${a.updatedBy} 于 ${a.updatedAt.slice(0, 10)} 添加`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
