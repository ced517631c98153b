// The screens of the app and their addresses (#/households/…), so Back/Forward and a reload
// land where the clerk was. No router: the navigation slice keeps one Screen value.
export type Screen =
  | { name: 'overview' }
  | { name: 'villages' }
  | { name: 'village'; id: string }
  | { name: 'households' }
  | { name: 'household'; id: string | null }
  | { name: 'quality' }
  | { name: 'import' }
  | { name: 'batches' }
  | { name: 'batch'; id: string }
  | { name: 'monitoring' }
  // 部门筛查预警 (issue 16).
  | { name: 'screening' }
  // Encrypted USB packages (issue 7): keys, the township's export, importing a package, county review.
  | { name: 'keys' }
  | { name: 'send' }
  | { name: 'receive' }
  | { name: 'county' }
  | { name: 'township'; id: string }
  // Paper outputs (issue 6): 打印文档 and the wall chart's figures as 统计看板.
  | { name: 'documents' }
  | { name: 'dashboard' }
  // 审计核验: the audit log's hash chain (issue 12).
  | { name: 'audit' }
  // 账户管理: the station chief's operators, their roles and the idle lock (issue 12).
  | { name: 'accounts' }
  // 乡镇设置: 区划代码/县/省 and the contacts notices print (issue 17).
  | { name: 'settings' };

export type MenuKey = 'overview' | 'villages' | 'households' | 'batches' | 'monitoring' | 'screening' | 'quality' | 'import' | 'send' | 'receive' | 'keys' | 'county' | 'documents' | 'dashboard' | 'audit' | 'accounts' | 'settings';

export function menuKeyOf(s: Screen): MenuKey {
  if (s.name === 'village') return 'villages';
  if (s.name === 'household') return 'households';
  if (s.name === 'batch') return 'batches';
  if (s.name === 'township') return 'county';
  return s.name;
}

export function hashOf(s: Screen): string {
  switch (s.name) {
    case 'village':
      return `#/village/${encodeURIComponent(s.id)}`;
    case 'household':
      return `#/household/${s.id == null ? 'new' : encodeURIComponent(s.id)}`;
    case 'batch':
      return `#/batch/${encodeURIComponent(s.id)}`;
    case 'township':
      return `#/township/${encodeURIComponent(s.id)}`;
    default:
      return `#/${s.name}`;
  }
}

export function screenOfHash(hash: string): Screen {
  const [, name, arg] = /^#\/([a-z]+)(?:\/(.+))?$/.exec(hash) ?? [];
  const id = arg ? decodeURIComponent(arg) : null;
  switch (name) {
    case 'villages':
    case 'households':
    case 'quality':
    case 'import':
    case 'batches':
    case 'monitoring':
    case 'screening':
    case 'keys':
    case 'send':
    case 'receive':
    case 'county':
    case 'documents':
    case 'dashboard':
    case 'audit':
    case 'accounts':
    case 'settings':
      return { name };
    case 'township':
      return id ? { name, id } : { name: 'county' };
    case 'batch':
      return id ? { name, id } : { name: 'batches' };
    case 'village':
      return id ? { name, id } : { name: 'villages' };
    case 'household':
      return { name, id: id === 'new' ? null : id };
    default:
      return { name: 'overview' };
  }
}

export function sameScreen(a: Screen, b: Screen): boolean {
  return hashOf(a) === hashOf(b);
}
