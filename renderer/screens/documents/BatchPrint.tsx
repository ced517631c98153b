// 逐户打印… (desktop shell only): the clerk picks a printer once, then every household of the
// village, batch or township is sent to it as its own print job — no dialog per household; the
// progress bar's 取消 stops before the next one.
import { Alert, Button, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PrinterView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { errorText } from '../../editor/documents-output.ts';

export default function BatchPrint(props: { label: string; disabled: boolean; onPrint: (printer: { name: string; label: string }) => void }) {
  const [open, setOpen] = useState(false);
  const [printers, setPrinters] = useState<PrinterView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  const show = async (): Promise<void> => {
    setOpen(true);
    setError(null);
    try {
      const list = await api.print.printers({});
      setPrinters(list);
      setChosen((c) => c ?? list[0]?.name ?? null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const printer = printers?.find((p) => p.name === chosen) ?? null;

  return (
    <>
      <Button data-testid="doc-print-batch" disabled={props.disabled} onClick={() => void show()}>
        逐户打印…
      </Button>
      <Modal
        open={open}
        title={`逐户打印${props.label}`}
        okText="开始打印"
        cancelText="取消"
        okButtonProps={{ disabled: !printer, 'data-testid': 'doc-print-batch-ok' }}
        onCancel={() => setOpen(false)}
        onOk={() => {
          if (!printer) return;
          setOpen(false);
          props.onPrint({ name: printer.name, label: printer.displayName });
        }}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>每户单独送往下面选的打印机，不再逐户弹出打印对话框。请先确认打印机已开机、纸够用。</Typography.Text>
          {error ? <Alert type="error" showIcon title={error} /> : null}
          {printers && printers.length === 0 ? <Alert type="warning" showIcon title="本机没有找到打印机：请先在系统设置中添加打印机。" /> : null}
          <Select
            aria-label="打印机"
            data-testid="doc-printer"
            style={{ width: '100%' }}
            loading={!printers && !error}
            value={chosen}
            options={(printers ?? []).map((p) => ({ value: p.name, label: p.description ? `${p.displayName}（${p.description}）` : p.displayName }))}
            onChange={(v: string) => setChosen(v)}
          />
        </Space>
      </Modal>
    </>
  );
}
