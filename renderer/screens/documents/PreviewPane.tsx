// The preview inside the app: a PDF in a frame (from a blob URL of the preview's bytes), or for
// a workbook a note that it is a table to save; when this window may not frame a PDF, a way
// to look at it anyway.
import { Alert, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import type { Ref } from 'react';
import { isElectron } from '../../api.ts';
import { resultSummary, safeFileName } from '../../editor/documents-output.ts';
import GlyphAlert, { WarningsAlert } from './GlyphAlert.tsx';
import { downloadBlob, useFrameSupport } from './pdf-frame.ts';
import type { ShownPreview } from './state.ts';

interface Props {
  preview: ShownPreview | null;
  stale: boolean;
  previewing: boolean;
  error: string | null;
  frameRef: Ref<HTMLIFrameElement>;
  onFrameLoad: () => void;
  onRefresh: () => void;
  onSave: () => void;
  /** The names the font lacks are already listed above (the saved file's). */
  glyphsShown: boolean;
}

export default function PreviewPane({ preview, stale, previewing, error, frameRef, onFrameLoad, onRefresh, onSave, glyphsShown }: Props) {
  const support = useFrameSupport();
  const r = preview?.result;
  return (
    <Card
      size="small"
      title="预览"
      data-testid="doc-preview"
      extra={r ? <Typography.Text type="secondary" data-testid="doc-preview-summary">{`${r.title} · ${resultSummary(r)}`}</Typography.Text> : null}
    >
      <Spin spinning={previewing} description="正在生成预览…">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {error ? <Alert type="error" showIcon title="预览没有生成" description={error} data-testid="doc-preview-error" /> : null}
          {stale && r ? (
            <Alert
              type="warning"
              showIcon
              title="设置已改动，下面还是改动前的预览。"
              action={
                <Button size="small" onClick={onRefresh}>
                  重新预览
                </Button>
              }
            />
          ) : null}
          {r ? <WarningsAlert warnings={r.warnings} /> : null}
          {r && !glyphsShown ? <GlyphAlert missing={r.missingGlyphs} /> : null}
          {!preview ? (
            <Empty description="选好文档和范围后，点“预览”在这里查看" style={{ padding: 48 }} />
          ) : r?.format === 'xlsx' ? (
            <Alert
              type="info"
              showIcon
              data-testid="doc-preview-xlsx"
              title={`这是 Excel 表格（${resultSummary(r)}），程序里不能直接显示。`}
              description="请“保存”后用 WPS 或 Excel 打开查看和打印；想先看版面，可以改选 PDF 格式预览。"
              action={
                <Space orientation="vertical">
                  <Button type="primary" size="small" onClick={onSave}>
                    保存表格
                  </Button>
                  {isElectron() ? null : (
                    <Button size="small" onClick={() => downloadBlob(preview.url, `${safeFileName(r.title)}.xlsx`)}>
                      下载这份预览
                    </Button>
                  )}
                </Space>
              }
            />
          ) : (
            <>
              {support === 'blocked' ? (
                <Alert
                  type="info"
                  showIcon
                  data-testid="doc-preview-blocked"
                  title="这个窗口的安全设置不允许在页面里显示 PDF。"
                  description={isElectron() ? '请“保存”后用 PDF 阅读器打开查看和打印。' : '可以在新的浏览器标签页中查看和打印这份预览。'}
                  action={
                    isElectron() ? null : (
                      <Button size="small" type="primary" data-testid="doc-open-tab" onClick={() => window.open(preview.url, '_blank')}>
                        在新标签页中查看
                      </Button>
                    )
                  }
                />
              ) : null}
              <iframe
                ref={frameRef}
                key={preview.url}
                src={`${preview.url}#view=FitH&navpanes=0`}
                title={`预览：${r?.title ?? ''}`}
                data-testid="doc-preview-frame"
                onLoad={onFrameLoad}
                style={{ width: '100%', height: 'calc(100vh - 240px)', minHeight: 480, border: '1px solid #f0f0f0', borderRadius: 4, display: support === 'blocked' ? 'none' : 'block' }}
              />
            </>
          )}
        </Space>
      </Spin>
    </Card>
  );
}
