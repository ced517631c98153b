// 导出 Excel for any list on screen: the list as the clerk sees it (filters, search, order) goes
// to an .xlsx — chosen with the save dialog in the desktop app, or to the 文档 folder in the
// browser shell (it has no dialog). Replacing an existing file is asked first.
import { App, Button } from 'antd';
import { useState } from 'react';
import type { Api, InputOf } from '../../shared/api/index.ts';
import { api } from '../api.ts';

type ListRequest = InputOf<Api['lists']['export']>;

export default function ExportListButton(props: { request: ListRequest; name: string; disabled?: boolean; testId?: string; size?: 'small' }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  const write = async (out: string | null, overwrite: boolean): Promise<void> => {
    setBusy(true);
    try {
      const r = await api.lists.export({ ...props.request, out, overwrite });
      void message.success(`已导出 ${r.rows} 条到：${r.file}`, 8);
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (out && !overwrite && text.startsWith('文件已存在')) {
        modal.confirm({ title: '文件已存在', content: `“${out}”已经存在。要替换它吗？`, okText: '替换', okButtonProps: { danger: true }, onOk: () => write(out, true) });
      } else void message.error(text, 8);
    } finally {
      setBusy(false);
    }
  };

  const start = async (): Promise<void> => {
    if (!window.reliefArchive) return write(null, false);
    try {
      const r = await api.files.choose({ mode: 'save', kind: 'workbook', title: `导出${props.name}`, defaultPath: `${props.name}.xlsx` });
      // The dialog asked before replacing a file.
      if (r.path) await write(r.path, true);
    } catch (e) {
      void message.warning(e instanceof Error ? e.message : String(e), 8);
    }
  };

  return (
    <Button size={props.size} loading={busy} disabled={props.disabled} onClick={() => void start()} data-testid={props.testId ?? 'export-list'}>
      导出 Excel
    </Button>
  );
}
