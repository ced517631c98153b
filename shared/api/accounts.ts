// Accounts (账户管理): the station chief's list of operators, their roles, and the idle lock.
import { z } from 'zod';
import type { Role } from '../roles.ts';
import { MAINTAIN, ROLES, readBy } from '../roles.ts';
import { endpoint } from './endpoint.ts';
import { text } from './schemas.ts';

export interface OperatorView {
  name: string;
  role: Role;
  roleLabel: string;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  passwordChangedAt: string;
}

export const password = (label = '密码') => z.string({ error: `请填写${label}` }).min(1, `请填写${label}`).max(200, `${label}过长`);
const operatorName = text('姓名', 20).min(1, '请填写姓名');

export const accountsApi = {
  list: endpoint<OperatorView[]>()('accounts.list', z.object({}), readBy(MAINTAIN)),
  add: endpoint<OperatorView[]>()('accounts.add', z.object({ name: operatorName, role: z.enum(ROLES), password: password('初始密码') }), MAINTAIN),
  /** A forgotten password, or a stopped account brought back: a new password set by the chief. */
  resetPassword: endpoint<OperatorView[]>()('accounts.resetPassword', z.object({ name: operatorName, password: password('新密码') }), MAINTAIN),
  setDisabled: endpoint<OperatorView[]>()('accounts.setDisabled', z.object({ name: operatorName, disabled: z.boolean() }), MAINTAIN),
  setIdleMinutes: endpoint<{ minutes: number }>()(
    'accounts.setIdleMinutes',
    z.object({ minutes: z.number().int('应为整数').min(1, '至少1分钟').max(240, '最多240分钟') }),
    MAINTAIN,
  ),
};
