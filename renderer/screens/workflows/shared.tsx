// Small pieces every workflow and monitoring form uses: the archive's refusal shown as it
// comes (Chinese, with its details), text date inputs, a form row that shows its own error.
import { Alert, Form, Input } from 'antd';
import type { InputProps } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../../shared/api/index.ts';

export interface ShownError {
  message: string;
  details: string[];
  field: string | null;
}

export function errorOf(e: unknown): ShownError {
  if (e instanceof ApiError) return { message: e.message, details: e.details, field: e.field ?? null };
  return { message: e instanceof Error ? e.message : String(e), details: [], field: null };
}

/** The archive's refusal (or a form check), as it comes. */
export function ErrorAlert({ error }: { error: ShownError | null }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-error"
      style={{ marginBottom: 12 }}
      title={error.message}
      description={error.details.length > 1 ? <ul style={{ margin: 0, paddingLeft: 18 }}>{error.details.map((d) => <li key={d}>{d}</li>)}</ul> : undefined}
    />
  );
}

export function DateInput(props: Omit<InputProps, 'onChange' | 'value'> & { value: string; onChange: (v: string) => void }) {
  const { value, onChange, ...rest } = props;
  return <Input placeholder="YYYY-MM-DD" maxLength={10} style={{ width: 140 }} value={value} onChange={(e) => onChange(e.target.value)} {...rest} />;
}

/** A labelled row, marked red when the form's error (shown once, above) is about its field. */
export function Row({ label, field, error, required, extra, children }: { label: string; field?: string; error: ShownError | null; required?: boolean; extra?: ReactNode; children: ReactNode }) {
  const mine = field != null && error?.field === field;
  return (
    <Form.Item label={label} required={required} validateStatus={mine ? 'error' : undefined} extra={extra}>
      {children}
    </Form.Item>
  );
}

/** A form check's failure as a ShownError on its field. */
export const fieldError = (c: { field: string; message: string }): ShownError => ({ message: c.message, details: [], field: c.field });
