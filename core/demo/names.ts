// Synthetic Chinese names and places. Every combination is made up; none is a real person.
import type { Rng } from './random.ts';

/** Common surnames with rough weights (Sichuan countryside). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 90], ['李', 95], ['张', 80], ['刘', 70], ['陈', 65], ['杨', 55], ['赵', 30], ['黄', 35],
  ['周', 30], ['吴', 28], ['徐', 20], ['孙', 15], ['胡', 20], ['朱', 15], ['高', 14], ['林', 10],
  ['何', 30], ['郭', 12], ['马', 12], ['罗', 30], ['梁', 10], ['宋', 10], ['郑', 10], ['谢', 15],
  ['唐', 20], ['冯', 10], ['邓', 18], ['曾', 12], ['彭', 12], ['蒋', 12], ['蔡', 8], ['贾', 6],
  ['丁', 6], ['魏', 6], ['薛', 4], ['叶', 6], ['余', 12], ['杜', 10], ['苏', 6], ['卢', 6],
  ['袁', 10], ['向', 8], ['苟', 6], ['文', 6], ['任', 8], ['母', 3], ['蒲', 5], ['熊', 6],
];

const MALE_CHARS = [
  '德', '明', '华', '国', '建', '志', '文', '军', '平', '勇', '强', '伟', '刚', '林', '海', '成', '福', '贵', '富', '荣',
  '兵', '辉', '峰', '涛', '斌', '俊', '杰', '超', '波', '鹏', '元', '清', '发', '学', '洪', '春', '云', '中', '正', '全',
  '才', '光', '祥', '友', '忠', '安', '宇', '浩', '天', '子', '轩', '睿', '泽', '锐', '晨', '豪', '鑫', '川', '昌', '永',
];
const FEMALE_CHARS = [
  '秀', '英', '兰', '芳', '华', '玉', '珍', '琼', '霞', '红', '梅', '丽', '敏', '静', '燕', '萍', '琴', '蓉', '莉', '娟',
  '群', '凤', '翠', '淑', '素', '桂', '春', '小', '婷', '雪', '欣', '怡', '涵', '雨', '梓', '佳', '悦', '思', '诗', '琳',
];

export type Gender = '男' | '女';

export function pickSurname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

export function givenName(rng: Rng, gender: Gender): string {
  const chars = gender === '男' ? MALE_CHARS : FEMALE_CHARS;
  const first = rng.pick(chars);
  if (rng.chance(0.2)) return first;
  let second = rng.pick(chars);
  while (second === first) second = rng.pick(chars);
  return first + second;
}

export function personName(rng: Rng, gender: Gender, surname = pickSurname(rng)): string {
  return surname + givenName(rng, gender);
}

const VILLAGE_NAMES = [
  '青龙', '石桥', '红岩', '柏林', '金竹', '白鹤', '凤凰', '龙泉', '桂花', '双河', '新民', '黄桷', '长岭', '太平', '永安',
  '松林', '马鞍', '狮子', '团结', '和平', '高峰', '大湾', '观音', '水井', '天池', '桃园', '梨坪', '竹林', '清泉', '龙潭',
  '板桥', '回龙', '火烧', '斑竹', '碑垭', '三星', '五龙', '七里', '九龙', '新华', '光明', '联合', '胜利', '建设', '向阳',
  '茶园', '杉树', '柳湾', '石门', '鹿鸣',
];
const VILLAGE_CHARS = ['东', '西', '南', '北', '上', '下', '新', '老', '大', '小', '前', '后', '中', '高', '长', '平'];

/** `n` unique village names (made up; real ones also look like this). */
export function villageNames(rng: Rng, n: number): string[] {
  const names = rng.sample(VILLAGE_NAMES, n).map((s) => `${s}村`);
  let i = 0;
  while (names.length < n) {
    const candidate = `${VILLAGE_CHARS[i % VILLAGE_CHARS.length]!}${VILLAGE_NAMES[Math.floor(i / VILLAGE_CHARS.length) % VILLAGE_NAMES.length]!}村`;
    if (!names.includes(candidate)) names.push(candidate);
    i++;
  }
  return names;
}

const GROUP_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function groupName(index: number): string {
  return `第${GROUP_NUMERALS[index] ?? String(index + 1)}组`;
}

const NATURAL_SUFFIXES = ['湾', '坝', '沟', '坪', '岭', '院子'];

export function naturalVillage(rng: Rng): string {
  return `${pickSurname(rng)}家${rng.pick(NATURAL_SUFFIXES)}`;
}

/** A synthetic 11-digit mobile number starting 13/15/18. */
export function mobile(rng: Rng): string {
  return `${rng.pick(['13', '15', '18'])}${rng.digits(9)}`;
}

export const HELPER_UNITS: readonly (readonly [string, string, readonly string[]])[] = [
  ['县农业农村局', '县', ['科员', '副局长', '股长', '农艺师']],
  ['县乡村振兴局', '县', ['科员', '股长', '副局长']],
  ['县卫生健康局', '县', ['科员', '医师', '股长']],
  ['县教育局', '县', ['科员', '教师', '股长']],
  ['县人力资源和社会保障局', '县', ['科员', '股长']],
  ['县住房和城乡建设局', '县', ['科员', '工程师']],
  ['县供电公司', '县', ['职工', '班长']],
  ['镇人民政府', '乡镇', ['党委委员', '副镇长', '干部', '干部', '干部']],
  ['镇卫生院', '乡镇', ['医生', '护士长']],
  ['镇中心小学', '乡镇', ['教师', '副校长']],
  ['村民委员会', '村', ['村主任', '村支书', '村文书', '村委委员']],
];
