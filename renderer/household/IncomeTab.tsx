// 收入: per year, the components in 元 and the totals computed live (computeIncome with that
// year's 家庭人口数). Only components are saved; totals are never stored.
import { App, Button, Card, Input, InputNumber, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { INCOME_LABELS } from '../../shared/income.ts';
import { formatYuan } from '../../shared/money.ts';
import { currentMemberCount, INCOME_KEYS } from '../editor/draft.ts';
import { addIncomeYear, nextIncomeYear, removeIncomeYear, setIncomeAmount, setIncomeSize, tidyIncomeAmount } from '../editor/draft-ops.ts';
import { liveIncome } from '../editor/income-live.ts';
import type { IncomeKey } from '../editor/types.ts';
import { useThisYear } from '../hooks/use-today.ts';
import { useStore } from '../store/index.ts';
import { navProps } from './keyboard.ts';

const yuan = (fen: number | null): string => (fen == null ? '—' : formatYuan(fen));

function AmountField({ index, year, k }: { index: number; year: number; k: IncomeKey }) {
  const value = useStore((s) => s.editor.draft?.incomes[index]?.amounts[k]) ?? '';
  const field = `incomes.${index}.${k}`;
  const error = useStore((s) => s.editor.fieldErrors[field]);
  const edit = useStore((s) => s.edit);
  return (
    <div>
      <label>{INCOME_LABELS[k]}（元）</label>
      <Input
        aria-label={`${year}年${INCOME_LABELS[k]}`}
        {...navProps(field)}
        inputMode="decimal"
        placeholder="0.00"
        status={error ? 'error' : undefined}
        value={value}
        onChange={(e) => edit((d) => setIncomeAmount(d, year, k, e.target.value), field)}
        onBlur={() => edit((d) => tidyIncomeAmount(d, year, k))}
      />
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}

function YearCard({ index }: { index: number }) {
  const row = useStore((s) => s.editor.draft?.incomes[index]);
  const isNew = useStore((s) => !s.editor.baseline?.incomes.some((r) => r.year === row?.year));
  const members = useStore((s) => (s.editor.draft ? currentMemberCount(s.editor.draft) : 0));
  const sizeField = `incomes.${index}.householdSize`;
  const sizeError = useStore((s) => s.editor.fieldErrors[sizeField]);
  const edit = useStore((s) => s.edit);
  if (!row) return null;
  const live = liveIncome(row);
  return (
    <Card
      size="small"
      title={`${row.year}年`}
      style={{ marginBottom: 12 }}
      data-testid={`income-${row.year}`}
      extra={
        isNew && (
          <Button size="small" onClick={() => edit((d) => removeIncomeYear(d, row.year))}>
            删除本年度
          </Button>
        )
      }
    >
      <div className="income-grid">
        <div>
          <label>家庭人口数（当年）</label>
          <Input
            aria-label={`${row.year}年家庭人口数`}
            {...navProps(sizeField)}
            inputMode="numeric"
            status={sizeError ? 'error' : undefined}
            value={row.householdSize}
            onChange={(e) => edit((d) => setIncomeSize(d, row.year, e.target.value), sizeField)}
          />
          {sizeError ? (
            <div className="field-error">{sizeError}</div>
          ) : (
            live.size !== members && <div className="cell-hint">现有家庭成员 {members} 人</div>
          )}
        </div>
        {INCOME_KEYS.map((k) => (
          <AmountField key={k} index={index} year={row.year} k={k} />
        ))}
      </div>
      <Space size={32} wrap style={{ marginTop: 12 }} data-testid={`income-totals-${row.year}`}>
        <Statistic title="转移性收入" value={yuan(live.transferFen)} suffix="元" />
        <Statistic title="家庭总收入" value={yuan(live.grossFen)} suffix="元" />
        <Statistic title="家庭纯收入" value={yuan(live.netFen)} suffix="元" />
        <Statistic title="人均纯收入" value={yuan(live.perCapitaFen)} suffix={live.perCapitaFen == null ? '' : '元'} />
      </Space>
      {live.invalid.length > 0 && <Typography.Paragraph type="danger">以下金额不是有效数字，合计中按 0 计算：{live.invalid.join('、')}</Typography.Paragraph>}
    </Card>
  );
}

export default function IncomeTab() {
  const count = useStore((s) => s.editor.draft?.incomes.length ?? 0);
  const thisYear = useThisYear();
  const suggested = useStore((s) => (s.editor.draft ? nextIncomeYear(s.editor.draft, thisYear - 1) : thisYear));
  const edit = useStore((s) => s.edit);
  const requestFocus = useStore((s) => s.requestFocus);
  const { message } = App.useApp();
  const [year, setYear] = useState<number | null>(null);
  const chosen = year ?? suggested;

  const add = (): void => {
    if (useStore.getState().editor.draft?.incomes.some((r) => r.year === chosen)) void message.info(`${chosen}年已有收入记录`);
    edit((d) => addIncomeYear(d, chosen, chosen));
    setYear(null);
    const idx = useStore.getState().editor.draft?.incomes.findIndex((r) => r.year === chosen) ?? 0;
    requestFocus(`incomes.${Math.max(idx, 0)}.wageFen`);
  };

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <InputNumber aria-label="添加收入年度" min={2000} max={2100} precision={0} value={chosen} onChange={(v) => setYear(v)} />
        <Button onClick={add} data-testid="add-income-year">
          添加年度
        </Button>
        <Typography.Text type="secondary">金额单位为元，保留两位小数；合计随输入即时计算。</Typography.Text>
      </Space>
      {count === 0 && <Typography.Paragraph type="secondary">还没有收入记录。</Typography.Paragraph>}
      {Array.from({ length: count }, (_, i) => (
        <YearCard key={i} index={i} />
      ))}
    </div>
  );
}
