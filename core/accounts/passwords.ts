// What a password must be, and how repeated wrong ones are slowed down.
import { UserError } from '../../shared/errors.ts';

export const MIN_PASSWORD = 8;

export function checkNewPassword(password: string, name: string): void {
  if (Array.from(password).length < MIN_PASSWORD) throw new UserError(`密码至少要${MIN_PASSWORD}位（可以用字母、数字和汉字），请换一个更长的密码。`, { field: 'password' });
  if (new Set(password).size < 3) throw new UserError('密码太简单（几乎都是同一个字符），请换一个。', { field: 'password' });
  if (password.includes(name) && name.length >= 2) throw new UserError('密码不能包含自己的姓名，请换一个。', { field: 'password' });
}

/**
 * Failed logins per archive and name: after three in a row, each further try waits longer
 * (5 s, 10 s, 20 s … at most 5 minutes). Kept by the running shell; a restart does not help a
 * guesser much, as every guess also costs the argon2id derivation.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  private key(file: string, name: string): string {
    return `${file}\u0000${name.normalize('NFC').trim()}`;
  }

  /** Refuses a try made before the wait is over. */
  check(file: string, name: string): void {
    const f = this.failures.get(this.key(file, name));
    if (!f) return;
    const wait = Math.ceil((f.until - this.now()) / 1000);
    if (wait > 0) throw new UserError(`已连续输错 ${f.count} 次密码：为防止猜测，请 ${wait} 秒后再试。`);
  }

  failed(file: string, name: string): void {
    const k = this.key(file, name);
    const count = (this.failures.get(k)?.count ?? 0) + 1;
    const delay = count < 3 ? 0 : Math.min(300_000, 5_000 * 2 ** (count - 3));
    this.failures.set(k, { count, until: this.now() + delay });
  }

  succeeded(file: string, name: string): void {
    this.failures.delete(this.key(file, name));
  }
}
