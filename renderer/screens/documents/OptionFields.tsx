// The options the chosen document reads (and only those): paper, masked ID numbers, registered
// households only, the notice's phone, issuer and basis, the village exit table's figures.
import { Checkbox, Input, InputNumber, Radio, Select } from 'antd';
import type { DocumentKindView } from '../../../shared/api/index.ts';
import type { NoticeFont } from '../../../shared/api/documents.ts';
import { NOTICE_FONT_LABELS, NOTICE_FONTS } from '../../../shared/api/documents.ts';
import { hasOption, PAPERS } from '../../editor/documents-form.ts';
import type { DocForm, DocOptionsForm, Paper } from '../../editor/documents-form.ts';
import { Field } from './Field.tsx';

export default function OptionFields({ form, view, onChange }: { form: DocForm; view: DocumentKindView; onChange: (f: DocForm) => void }) {
  const o = form.options;
  const set = (patch: Partial<DocOptionsForm>): void => onChange({ ...form, options: { ...o, ...patch } });
  const checks = [
    hasOption(view, 'maskedIds') && (
      <Checkbox key="masked" data-testid="doc-masked-ids" checked={o.maskedIds} onChange={(e) => set({ maskedIds: e.target.checked })}>
        显示脱敏身份证号（如 110105********1234）
      </Checkbox>
    ),
    hasOption(view, 'registeredOnly') && (
      <Checkbox key="registered" data-testid="doc-registered-only" checked={o.registeredOnly} onChange={(e) => set({ registeredOnly: e.target.checked })}>
        只含建档立卡户和监测户
      </Checkbox>
    ),
  ].filter(Boolean);
  return (
    <>
      {hasOption(view, 'paper') && (
        <Field label="纸张" hint="A3 横向；A2、A1 按比例放大，适合上墙。">
          <Radio.Group
            aria-label="纸张"
            optionType="button"
            value={o.paper}
            options={PAPERS.map((p) => ({ value: p, label: p }))}
            onChange={(e) => set({ paper: e.target.value as Paper })}
          />
        </Field>
      )}
      {checks.length > 0 && (
        <Field label="选项">
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', minHeight: 32, alignItems: 'center' }}>{checks}</div>
        </Field>
      )}
      {hasOption(view, 'phones') && (
        <Field label="本地监督电话" hint="12317 和乡镇设置的监督电话总会印上；这里可再加本次的本地电话，多个用“、”分隔。">
          <Input aria-label="本地监督电话" style={{ width: 320 }} placeholder="如 0838-6212317、0838-6215566" value={o.phone} maxLength={120} onChange={(e) => set({ phone: e.target.value })} />
        </Field>
      )}
      {hasOption(view, 'font') && (
        <Field label="公示字体" hint="默认：本机有仿宋时用仿宋，否则用随程序安装的思源宋体。">
          <Select
            aria-label="公示字体"
            style={{ width: 260 }}
            value={o.font}
            onChange={(v: NoticeFont | '') => set({ font: v })}
            options={[{ value: '', label: '默认' }, ...NOTICE_FONTS.map((f) => ({ value: f, label: NOTICE_FONT_LABELS[f] }))]}
          />
        </Field>
      )}
      {hasOption(view, 'issuer') && (
        <Field label="落款单位">
          <Input aria-label="落款单位" style={{ width: 420 }} placeholder="不填则按环节落款村民委员会或乡镇人民政府" value={o.issuer} maxLength={60} onChange={(e) => set({ issuer: e.target.value })} />
        </Field>
      )}
      {hasOption(view, 'basis') && (
        <Field label="公示依据">
          <Input.TextArea aria-label="公示依据" style={{ width: 420 }} autoSize={{ minRows: 1, maxRows: 3 }} placeholder="不填则按程序类别写明依据" value={o.basis} maxLength={200} onChange={(e) => set({ basis: e.target.value })} />
        </Field>
      )}
      {hasOption(view, 'provinceAverageFen') && (
        <Field label="全省平均" hint="全省农村居民人均可支配收入；不填则验收表注明“未提供”，不作判断。">
          <InputNumber<number>
            aria-label="全省农村居民人均可支配收入"
            style={{ width: 220 }}
            min={1}
            max={1_000_000}
            precision={2}
            suffix="元"
            value={o.provinceAverageYuan}
            onChange={(v) => set({ provinceAverageYuan: v ?? null })}
          />
        </Field>
      )}
      {hasOption(view, 'incidenceMaxPercent') && (
        <Field label="发生率上限" hint="贫困发生率不高于此值为达标（一般为 3%）。">
          <InputNumber<number>
            aria-label="贫困发生率上限"
            style={{ width: 140 }}
            min={0}
            max={100}
            precision={2}
            suffix="%"
            value={o.incidenceMaxPercent}
            onChange={(v) => set({ incidenceMaxPercent: v ?? 3 })}
          />
        </Field>
      )}
    </>
  );
}
