import { describe, expect, it } from 'vitest';
import { baseName, defaultPackagePath, defaultPublicKeyPath, dirOf, formatBytes, joinPath, nextSeq, packageFileName, pathHint, safeName } from './exchange-files.ts';

const DAY = new Date(2026, 10, 4, 10, 0, 0);

describe('default places and names', () => {
  it('names a package as the format suggests', () => {
    expect(packageFileName('青山镇', 'township-export', 3, DAY)).toBe('青山镇_乡镇报送_3_20261104.fpkg');
    expect(packageFileName('青 山:镇?', 'review-result', 1, DAY)).toBe('青山镇_审核结果_1_20261104.fpkg');
    expect(safeName(' ..')).toBe('档案');
  });

  it('puts it beside the archive, with the archive’s separator', () => {
    expect(defaultPackagePath('/home/a/档案/青山镇.db', '青山镇', 'township-export', 2, DAY)).toBe('/home/a/档案/青山镇_乡镇报送_2_20261104.fpkg');
    expect(defaultPackagePath('D:\\扶贫\\青山镇.db', '青山镇', 'township-export', 2, DAY)).toBe('D:\\扶贫\\青山镇_乡镇报送_2_20261104.fpkg');
    expect(defaultPublicKeyPath('C:\\x.db', '示例县', 'county')).toBe('C:\\示例县_县级公钥_public.json');
    expect(dirOf('/x.db')).toBe('/');
    expect(dirOf('x.db')).toBe('');
    expect(joinPath('', 'a')).toBe('a');
    expect(joinPath('/a/', 'b')).toBe('/a/b');
    expect(baseName('E:\\u\\p.fpkg')).toBe('p.fpkg');
  });

  it('numbers the next package after the highest sent of that kind', () => {
    const log = [
      { direction: 'out' as const, kind: 'township-export' as const, seq: 4 },
      { direction: 'in' as const, kind: 'township-export' as const, seq: 9 },
      { direction: 'out' as const, kind: 'review-result' as const, seq: 7 },
    ];
    expect(nextSeq(log, 'township-export')).toBe(5);
    expect(nextSeq(log, 'review-result')).toBe(8);
    expect(nextSeq([], 'township-export')).toBe(1);
  });

  it('hints at paths that are not full or not packages', () => {
    expect(pathHint('', '.fpkg')).toBeNull();
    expect(pathHint('E:\\a.fpkg', '.fpkg')).toBeNull();
    expect(pathHint('/media/u/a.FPKG', '.fpkg')).toBeNull();
    expect(pathHint('a.fpkg', '.fpkg')).toMatch(/完整路径/);
    expect(pathHint('/a/b.txt', '.fpkg')).toBe('文件名通常以 .fpkg 结尾');
  });

  it('writes sizes for people', () => {
    expect(formatBytes(null)).toBe('');
    expect(formatBytes(900)).toBe('900 字节');
    expect(formatBytes(9688)).toBe('9.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.00 GB');
  });
});
