// Print buttons for the papers of a batch or a village, on that page (issue 15, batch printing):
// Electron prints the whole document through its print bridge; the browser opens the PDF in a
// new tab (opened at the click, so no pop-up blocker stops it) for the browser's print.
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { api, isElectron } from '../../api.ts';
import { errorText } from '../../editor/documents-output.ts';
import type { Paper } from '../../editor/paper-print.ts';
import { printedNotice, TAB_BLOCKED, TAB_OPENED, TRUNCATED_IN_BROWSER } from '../../editor/paper-print.ts';
import { blobUrlOf } from './pdf-frame.ts';

export default function PaperButtons({ papers, testId }: { papers: readonly Paper[]; testId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const print = async (p: Paper): Promise<void> => {
    setBusy(p.kind);
    // The browser: a tab opened now, while the click still counts as the clerk's, filled when the PDF is ready.
    const tab = isElectron() ? null : window.open('', '_blank');
    try {
      if (isElectron()) {
        const r = await api.print.document({ ...p.request, jobId: null });
        const n = printedNotice(r);
        void message[n.type](n.text, 6);
        return;
      }
      const preview = await api.documents.preview({ ...p.request, jobId: null });
      if (preview.truncated) {
        tab?.close();
        void message.warning(TRUNCATED_IN_BROWSER, 8);
        return;
      }
      const url = blobUrlOf(preview.dataBase64, preview.mime);
      if (!tab) {
        void message.warning(TAB_BLOCKED, 8);
        return;
      }
      tab.location.href = url;
      void message.info(TAB_OPENED, 6);
    } catch (e) {
      tab?.close();
      void message.error(errorText(e), 8);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap data-testid={testId}>
      {papers.map((p) => (
        <Tooltip key={p.kind} title={p.disabled}>
          <Button size="small" disabled={p.disabled != null || (busy != null && busy !== p.kind)} loading={busy === p.kind} onClick={() => void print(p)} data-testid={`print-${p.kind}`}>
            {p.label}
          </Button>
        </Tooltip>
      ))}
    </Space>
  );
}
