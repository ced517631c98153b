// 打印文档: choose the document, what it is for (township / village / batch / household), the
// year, its options and the format; preview it inside the app; 打印; 保存 to a file (a whole
// village's or the township's forms with a progress bar and 取消).
import { Alert, App, Button, Card, Col, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import type { DocumentFormat } from '../../../shared/api/index.ts';
import { api, isElectron } from '../../api.ts';
import { chooseKind, missingChoice, requestKey, toRequest, yearOptions } from '../../editor/documents-form.ts';
import type { DocForm } from '../../editor/documents-form.ts';
import { defaultOutPath, errorText, folderOf, printPlan, resultSummary, withFormat } from '../../editor/documents-output.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { localDay, useToday } from '../../hooks/use-today.ts';
import { useStore } from '../../store/index.ts';
import BatchPrint from './BatchPrint.tsx';
import DocumentJobProgress from './DocumentJobProgress.tsx';
import { Field } from './Field.tsx';
import GlyphAlert, { WarningsAlert } from './GlyphAlert.tsx';
import KindList from './KindList.tsx';
import OptionFields from './OptionFields.tsx';
import PreviewPane from './PreviewPane.tsx';
import ScopeFields from './ScopeFields.tsx';
import { printFrame, printShell, probeFrames, useFrameSupport } from './pdf-frame.ts';
import { useDocuments } from './state.ts';

const FORMAT_LABELS: Record<DocumentFormat, string> = { pdf: 'PDF（打印用）', xlsx: 'Excel 表格' };

export default function DocumentsScreen() {
  const { message, modal } = App.useApp();
  const archiveFile = useStore((s) => s.session?.archive?.file ?? null);
  const township = useStore((s) => s.session?.archive?.township ?? '');
  // Documents are offered beside the archive, in its 文档 folder (as the hint says).
  const dataDir = archiveFile ? folderOf(archiveFile) : '';
  const today = useToday();
  const villages = useStore((s) => s.villages);
  const docs = useDocuments();
  const { form, kinds, preview, running } = docs;
  const view = kinds.find((k) => k.kind === form.kind);
  const batches = useQuery(() => api.workflows.list({}), [archiveFile]);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const loadedUrl = useRef<string | null>(null);
  const printWhenLoaded = useRef<string | null>(null);
  const support = useFrameSupport();

  useEffect(() => {
    docs.bindArchive(archiveFile);
    void docs.loadKinds();
    probeFrames();
    // Once per archive; the store's actions are stable.
  }, [archiveFile]);

  const missing = missingChoice(form, view);
  const request = view && !missing ? toRequest(form, view) : null;
  const stale = Boolean(preview && request && preview.key !== requestKey(request));

  const scopeName = ((): string => {
    if (form.scopeType === 'village') return villages.find((v) => v.code === form.villageCode)?.name ?? form.villageCode ?? '';
    if (form.scopeType === 'batch') return batches.data?.find((b) => b.id === form.batchId)?.title ?? '';
    if (form.scopeType === 'household') return form.householdNo ? `户${form.householdNo}` : '';
    return township;
  })();
  const offered = useMemo(
    () => (view && dataDir ? defaultOutPath({ dataDir, label: view.label, scopeName, year: form.year, format: form.format, now: localDay(today, new Date()) }) : ''),
    [view, dataDir, scopeName, form.year, form.format, today],
  );
  const out = docs.outPath ?? offered;

  const change = (f: DocForm): void => {
    if (f.format !== form.format && docs.outPath) docs.setOutPath(withFormat(docs.outPath, f.format));
    docs.setForm(f);
  };

  const doPreview = async () => (request ? docs.showPreview(request) : null);

  const printLoaded = (): void => {
    if (!printFrame(frameRef.current)) void message.warning('没能打开打印：请“保存”后用 PDF 阅读器打印。', 6);
  };

  const print = async (): Promise<void> => {
    if (!request) return;
    // Electron's print bridge renders the whole document itself: no preview needed first.
    if (isElectron() && form.format === 'pdf') {
      await docs.printDialog(request);
      return;
    }
    const current = preview && preview.key === requestKey(request) ? preview : await doPreview();
    if (!current) return;
    const r = current.result;
    const plan = printPlan({ format: r.format, truncated: r.truncated, pages: r.pages, ...printShell() });
    if (plan.kind === 'bridge') {
      await docs.printDialog(request);
    } else if (plan.kind === 'refuse') {
      void message.warning(plan.message, 8);
    } else if (plan.kind === 'tab') {
      window.open(current.url, '_blank');
      void message.info(plan.message, 6);
    } else if (loadedUrl.current === current.url) {
      printLoaded();
    } else {
      printWhenLoaded.current = current.url;
    }
  };

  const onFrameLoad = (): void => {
    const url = useDocuments.getState().preview?.url ?? null;
    loadedUrl.current = url;
    if (url && printWhenLoaded.current === url) {
      printWhenLoaded.current = null;
      printLoaded();
    }
  };

  /** 选择… (desktop shell): the save dialog, opening on the name offered (beside the archive). */
  const chooseOut = async (): Promise<void> => {
    try {
      const r = await api.files.choose({ mode: 'save', kind: 'document', title: '保存文档', defaultPath: out });
      if (r.path) docs.setOutPath(withFormat(r.path, form.format));
    } catch (e) {
      void message.warning(errorText(e), 8);
    }
  };

  const save = async (overwrite = false): Promise<void> => {
    if (!request) return;
    const file = out.trim();
    if (!file) {
      void message.warning('请填写保存位置（文件的完整路径）。');
      return;
    }
    const outcome = await docs.save(request, file, overwrite);
    if (outcome === 'exists') {
      modal.confirm({
        title: '文件已存在',
        content: `“${file}”已经存在。要用新生成的文档替换它吗？替换后原文件不能恢复。`,
        okText: '替换',
        okButtonProps: { danger: true, 'data-testid': 'doc-overwrite-ok' },
        cancelText: '不替换',
        onOk: () => save(true),
      });
    }
  };

  if (docs.kindsError) return <Alert type="error" showIcon title="读取文档列表失败" description={docs.kindsError} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="documents-screen" data-frame-support={support}>
      <Space align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          打印文档
        </Typography.Title>
        <Typography.Text type="secondary">公示、花名册、登记表、验收表、挂图、明白卡和会议记录，都从同一份档案生成</Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={7}>
          <KindList kinds={kinds} value={form.kind} onChange={(k) => change(chooseKind(form, k))} />
        </Col>
        <Col xs={24} lg={16} xl={17}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={view ? `${view.label}：设置` : '设置'} data-testid="doc-settings">
              {view ? (
                <>
                  <ScopeFields form={form} view={view} batches={batches} onChange={change} />
                  <Field label="年度">
                    <Select
                      aria-label="年度"
                      data-testid="doc-year"
                      style={{ width: 180 }}
                      value={form.year}
                      options={yearOptions(Number(today.slice(0, 4)))}
                      onChange={(year: number | null) => change({ ...form, year })}
                    />
                  </Field>
                  <OptionFields form={form} view={view} onChange={change} />
                  <Field label="格式">
                    <Radio.Group
                      aria-label="格式"
                      value={form.format}
                      options={view.formats.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
                      onChange={(e) => change({ ...form, format: e.target.value as DocumentFormat })}
                    />
                  </Field>
                  <Field
                    label="保存到"
                    hint={
                      docs.outPath !== null ? (
                        <a onClick={() => docs.setOutPath(null)}>恢复默认位置（档案文件夹的“文档”目录）</a>
                      ) : (
                        '默认保存在档案文件夹的“文档”目录；可以改成别的文件夹或文件名。已有同名文件时会先问是否替换。'
                      )
                    }
                  >
                    <Space.Compact style={{ width: '100%' }}>
                      <Input aria-label="保存位置" data-testid="doc-out" value={out} onChange={(e) => docs.setOutPath(e.target.value)} />
                      {isElectron() ? (
                        <Button data-testid="doc-out-choose" onClick={() => void chooseOut()}>
                          选择…
                        </Button>
                      ) : null}
                    </Space.Compact>
                  </Field>
                  <Field label="">
                    <Space wrap>
                      <Button type="primary" data-testid="doc-preview-btn" disabled={!request || Boolean(running)} loading={docs.previewing} onClick={() => void doPreview()}>
                        预览
                      </Button>
                      <Button data-testid="doc-print" disabled={!request || Boolean(running) || docs.previewing} onClick={() => void print()}>
                        打印
                      </Button>
                      <Button data-testid="doc-save" disabled={!request || Boolean(running)} onClick={() => void save()}>
                        保存
                      </Button>
                      {isElectron() && view.batch && form.scopeType !== 'household' && form.format === 'pdf' ? (
                        <BatchPrint label={view.label} disabled={!request || Boolean(running)} onPrint={(p) => request && void docs.printAll(request, p)} />
                      ) : null}
                      {missing ? (
                        <Typography.Text type="warning" data-testid="doc-missing">
                          {missing}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  </Field>
                </>
              ) : (
                <Typography.Text type="secondary">{kinds.length ? '请先在左边选择要打印的文档。' : '正在读取文档列表…'}</Typography.Text>
              )}
            </Card>
            {running ? <DocumentJobProgress running={running} onCancel={docs.cancelSave} /> : null}
            {docs.notice ? (
              <Alert type={docs.notice.type} showIcon title={docs.notice.text} data-testid="doc-notice" closable={{ onClose: docs.clearNotice }} />
            ) : null}
            {docs.saved ? (
              <>
                <Alert
                  type="success"
                  showIcon
                  data-testid="doc-saved"
                  title={`已保存：${docs.saved.title}（${resultSummary(docs.saved)}）`}
                  description={
                    <Typography.Text copyable={{ text: docs.saved.file, tooltips: ['复制路径', '已复制'] }} data-testid="doc-saved-file">
                      {docs.saved.file}
                    </Typography.Text>
                  }
                />
                <WarningsAlert warnings={docs.saved.warnings} />
                <GlyphAlert missing={docs.saved.missingGlyphs} />
              </>
            ) : null}
            <PreviewPane
              preview={preview}
              stale={stale}
              previewing={docs.previewing}
              error={docs.previewError}
              frameRef={frameRef}
              onFrameLoad={onFrameLoad}
              onRefresh={() => void doPreview()}
              onSave={() => void save()}
              glyphsShown={Boolean(docs.saved?.missingGlyphs.length)}
            />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
