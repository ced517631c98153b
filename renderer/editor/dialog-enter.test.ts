import { describe, expect, it } from 'vitest';
import { enterSubmitsDialog } from './dialog-enter.ts';
import type { EnterKey } from './dialog-enter.ts';

const field: EnterKey = { key: 'Enter', composing: false, modified: false, defaultPrevented: false, tag: 'INPUT', type: 'text', inDialog: true, inWidget: false, expanded: false };

describe('Enter in a dialog', () => {
  it('presses OK from a one-line text, number or password field of a dialog', () => {
    expect(enterSubmitsDialog(field)).toBe(true);
    expect(enterSubmitsDialog({ ...field, type: 'password' })).toBe(true);
    expect(enterSubmitsDialog({ ...field, type: 'NUMBER' })).toBe(true);
  });

  it('leaves other keys, the page, and an Enter that chooses in a typing method (IME) alone', () => {
    expect(enterSubmitsDialog({ ...field, key: 'Tab' })).toBe(false);
    expect(enterSubmitsDialog({ ...field, inDialog: false })).toBe(false);
    expect(enterSubmitsDialog({ ...field, composing: true })).toBe(false);
    expect(enterSubmitsDialog({ ...field, modified: true })).toBe(false);
    expect(enterSubmitsDialog({ ...field, defaultPrevented: true })).toBe(false);
  });

  it('lets lists, dates, searches and multi-line text keep their own Enter', () => {
    expect(enterSubmitsDialog({ ...field, inWidget: true })).toBe(false);
    expect(enterSubmitsDialog({ ...field, expanded: true })).toBe(false);
    expect(enterSubmitsDialog({ ...field, tag: 'TEXTAREA', type: '' })).toBe(false);
    expect(enterSubmitsDialog({ ...field, type: 'checkbox' })).toBe(false);
    expect(enterSubmitsDialog({ ...field, tag: 'BUTTON', type: '' })).toBe(false);
  });
});
