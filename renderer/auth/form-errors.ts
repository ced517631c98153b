// Puts a refusal where the clerk looks: under the field it is about (a form check, or the
// archive's own `field`), else returned for the alert above the form.
import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/api/index.ts';
import type { FormResult } from '../editor/account-forms.ts';
import { formFieldOf } from '../editor/account-forms.ts';

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A form check that failed: marks its field. */
export function markInvalid<T>(form: FormInstance, r: Extract<FormResult<T>, { ok: false }>): void {
  form.setFields([{ name: r.field, errors: [r.message] }]);
}

/**
 * The archive refused: marks the field it names (mapped through `fields`, the archive's name →
 * the form's) and returns null; else returns the message for the form's alert.
 */
export function placeFailure(form: FormInstance, e: unknown, fields: Record<string, string>): string | null {
  const field = e instanceof ApiError ? formFieldOf(e.field, fields) : null;
  if (field) {
    form.setFields([{ name: field, errors: [messageOf(e)] }]);
    return null;
  }
  return messageOf(e);
}
