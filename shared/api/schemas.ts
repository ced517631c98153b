// Reusable zod pieces with Chinese messages (zod's own messages are English).
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const year = z.number().int('年度应为整数').min(2000, '年度不能早于2000年').max(2100, '年度不能晚于2100年');
export const id = z.string().min(1, '缺少记录编号');
export const text = (label: string, max = 200) => z.string().trim().max(max, `${label}不能超过${max}个字`);
export const optionalText = (label: string, max = 200) => text(label, max).nullable().default(null);
export const fen = (label: string) =>
  z.number().int(`${label}应为整数（分）`).min(0, `${label}不能为负数`).max(100_000_000_00, `${label}过大，请核对单位（元）`);
export const limit = z.number().int().min(1).max(5000).default(200);
export const offset = z.number().int().min(0).default(0);

// zod's built-in messages ("Invalid input…") in Chinese, for anything our schemas do not word.
z.config(z.locales.zhCN());
