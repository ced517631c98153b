// Value lists of the family-member record (national AB01, FIELDS-REFERENCE §2.2).
// Aliases are the spellings seen in older builds, provincial exports and hand-made sheets;
// a value matched through an alias is stored as the canonical label and reported as inexact.

import type { CodeList } from './types.ts';

export const RELATION: CodeList = {
  category: 'relation',
  title: '与户主关系',
  entries: [
    { label: '户主', aliases: ['本人', '本人或户主', '户主本人'] },
    { label: '配偶', aliases: ['妻子', '丈夫', '妻', '夫', '爱人'] },
    { label: '之子', aliases: ['儿子', '子', '长子', '次子', '三子', '独生子', '养子', '继子'] },
    { label: '之女', aliases: ['女儿', '女', '长女', '次女', '三女', '独生女', '养女', '继女'] },
    { label: '之儿媳', aliases: ['儿媳', '儿媳妇'] },
    { label: '之女婿', aliases: ['女婿'] },
    { label: '之孙子', aliases: ['孙子'] },
    { label: '之孙女', aliases: ['孙女'] },
    { label: '之外孙子', aliases: ['外孙子', '外孙'] },
    { label: '之外孙女', aliases: ['外孙女'] },
    { label: '之父', aliases: ['父亲', '父'] },
    { label: '之母', aliases: ['母亲', '母'] },
    { label: '之岳父', aliases: ['岳父'] },
    { label: '之岳母', aliases: ['岳母'] },
    { label: '之公公', aliases: ['公公'] },
    { label: '之婆婆', aliases: ['婆婆'] },
    { label: '之祖父', aliases: ['祖父', '爷爷'] },
    { label: '之祖母', aliases: ['祖母', '奶奶'] },
    { label: '之外祖父', aliases: ['外祖父', '外公', '姥爷'] },
    { label: '之外祖母', aliases: ['外祖母', '外婆', '姥姥'] },
    {
      label: '之兄弟姐妹',
      aliases: ['兄弟姐妹', '兄', '弟', '姐', '妹', '哥哥', '弟弟', '姐姐', '妹妹', '兄弟', '姐妹'],
    },
    // The national list has no entry for nephews, in-laws of siblings etc.: they are 其他.
    { label: '其他', aliases: ['其它', '其他亲属', '非亲属', '侄子', '侄女', '外甥', '外甥女', '孙媳妇'] },
  ],
};

// GB/T 2261.1: the one place a bare number is a trustworthy value (the 2021+ export writes 1/2).
export const GENDER: CodeList = {
  category: 'gender',
  title: '性别',
  entries: [
    { label: '男', code: '1', aliases: ['1', '男性'] },
    { label: '女', code: '2', aliases: ['2', '女性'] },
    // The national list has no 未知的性别 (GB/T 2261.1 code 0), so it folds into 未说明.
    { label: '未说明的性别', code: '9', aliases: ['9', '未说明', '0', '未知的性别', '未知'] },
  ],
};

// The 2014–2020 list had six values; the 2021+ system splits 大专及以上 into three
// (FIELDS-REFERENCE §2.2, rules 5_17_006/007), and its rules never test 大专及以上.
export const EDUCATION: CodeList = {
  category: 'education',
  title: '文化程度',
  entries: [
    { label: '文盲或半文盲', aliases: ['文盲', '半文盲', '文盲半文盲', '不识字或识字很少'] },
    { label: '学龄前儿童', aliases: ['学龄前', '学前儿童'] },
    { label: '小学', aliases: ['小学文化'] },
    { label: '初中', aliases: ['初中文化', '初级中学'] },
    // The national lists have no vocational value at this level, so 中专/中职 count as 高中.
    { label: '高中', aliases: ['普通高中', '高中文化', '中专', '中职', '职高', '技校', '中技', '高中或中专'] },
    { label: '大专及以上', era: '2014-2020', aliases: ['大专以上', '大学', '专科及以上'] },
    { label: '大专', era: '2021+', aliases: ['专科', '大学专科', '高职'] },
    { label: '本科及以上', era: '2021+', aliases: ['本科', '大学本科'] },
    { label: '硕士生及以上', era: '2021+', aliases: ['硕士', '博士', '研究生', '研究生及以上', '硕士研究生及以上'] },
  ],
};

// The 16 values of 2014–2020 keep era 'all' (2021+ rules still test single grades, e.g.
// 普通高中一年级 in 5_17_004); the coarse values only appear in 2021+ exports.
export const SCHOOL_STATUS: CodeList = {
  category: 'schoolStatus',
  title: '在校生状况',
  entries: [
    { label: '非在校生', aliases: ['不在校', '非在校', '未在校', '不在校生', '否', '无'] },
    { label: '学龄前儿童', era: '2021+', aliases: ['学龄前'] },
    { label: '学前教育', aliases: ['幼儿园', '学前班', '在园幼儿'] },
    {
      label: '小学',
      // Single primary grades are not national values; they all mean 小学.
      aliases: [
        '小学一年级', '小学二年级', '小学三年级', '小学四年级', '小学五年级', '小学六年级',
        '一年级', '二年级', '三年级', '四年级', '五年级', '六年级',
      ],
    },
    { label: '七年级', aliases: ['初一', '初中一年级'] },
    { label: '八年级', aliases: ['初二', '初中二年级'] },
    { label: '九年级', aliases: ['初三', '初中三年级'] },
    { label: '初中', era: '2021+', aliases: ['普通初中'] },
    { label: '高中一年级', aliases: ['高一', '普通高中一年级'] },
    { label: '高中二年级', aliases: ['高二', '普通高中二年级'] },
    { label: '高中三年级', aliases: ['高三', '普通高中三年级'] },
    { label: '高中', era: '2021+', aliases: ['普通高中'] },
    { label: '中职一年级', aliases: ['中专一年级'] },
    { label: '中职二年级', aliases: ['中专二年级'] },
    { label: '中职三年级', aliases: ['中专三年级'] },
    { label: '中职', era: '2021+', aliases: ['中专', '职高', '技校', '中等职业教育'] },
    { label: '高职一年级', aliases: ['高职高专一年级'] },
    { label: '高职二年级', aliases: ['高职高专二年级'] },
    { label: '高职三年级', aliases: ['高职高专三年级'] },
    { label: '高职', era: '2021+', aliases: ['高职高专', '高等职业教育'] },
    { label: '大专及以上', aliases: ['大专', '本科', '大学', '专科', '大学本科', '大专以上'] },
    { label: '硕士研究生及以上', era: '2021+', aliases: ['硕士研究生', '博士研究生', '研究生', '硕士', '博士'] },
  ],
};

// Some builds also have 死亡 here; it is deliberately absent: a death is a member change
// (leftReason), and importing it as a health value would keep the person counted.
export const HEALTH: CodeList = {
  category: 'health',
  title: '健康状况',
  entries: [
    { label: '健康', aliases: ['良好', '健康良好'] },
    { label: '长期慢性病', aliases: ['慢性病', '慢病', '长期慢病', '患有长期慢性病'] },
    { label: '患有大病', aliases: ['大病', '重病', '重大疾病', '患大病'] },
    { label: '残疾', aliases: ['残疾人', '残疾人员'] },
  ],
};

export const LABOUR_ABILITY: CodeList = {
  category: 'labourAbility',
  title: '劳动技能',
  entries: [
    { label: '普通劳动力', aliases: ['一般劳动力'] },
    { label: '技能劳动力', aliases: ['技术劳动力'] },
    {
      label: '弱劳动力或半劳动力',
      era: '2021+',
      aliases: ['弱劳动力', '半劳动力', '半劳弱劳动力', '弱劳动力半劳动力', '部分丧失劳动力'],
    },
    { label: '丧失劳动力', aliases: ['丧失劳动能力', '完全丧失劳动力', '完全丧失劳动能力'] },
    { label: '无劳动力', aliases: ['无劳动能力'] },
  ],
};

// Parentheses in these labels are full-width; normalizeLabel maps half-width ones onto them,
// so 乡(镇)内务工 is the label itself, not an alias.
export const WORK_STATUS: CodeList = {
  category: 'workStatus',
  title: '务工状况',
  entries: [
    { label: '乡（镇）内务工', aliases: ['乡内务工', '镇内务工', '乡镇内务工'] },
    { label: '乡（镇）外县内务工', aliases: ['乡外县内务工', '镇外县内务工', '乡镇外县内务工'] },
    { label: '县外省内务工', aliases: ['县外省内'] },
    { label: '省外务工', aliases: ['省外', '外省务工'] },
    { label: '国外务工', aliases: ['国外', '境外务工', '出国务工'] },
    { label: '其他', aliases: ['其它'] },
    { label: '未务工', aliases: ['无', '未外出务工', '不务工', '没有务工'] },
  ],
};

// Codes and short names of GB/T 4762; the long official names arrive as aliases.
export const POLITICAL_STATUS: CodeList = {
  category: 'politicalStatus',
  title: '政治面貌',
  entries: [
    { label: '中共党员', code: '01', aliases: ['党员', '共产党员', '中国共产党党员'] },
    { label: '中共预备党员', code: '02', aliases: ['预备党员', '中国共产党预备党员'] },
    { label: '共青团员', code: '03', aliases: ['团员', '中国共产主义青年团团员'] },
    { label: '民革党员', code: '04', aliases: ['民革会员', '中国国民党革命委员会会员'] },
    { label: '民盟盟员', code: '05', aliases: ['中国民主同盟盟员'] },
    { label: '民建会员', code: '06', aliases: ['中国民主建国会会员'] },
    { label: '民进会员', code: '07', aliases: ['中国民主促进会会员'] },
    { label: '农工党党员', code: '08', aliases: ['中国农工民主党党员'] },
    { label: '致公党党员', code: '09', aliases: ['中国致公党党员'] },
    { label: '九三学社社员', code: '10' },
    { label: '台盟盟员', code: '11', aliases: ['台湾民主自治同盟盟员'] },
    { label: '无党派民主人士', code: '12', aliases: ['无党派人士', '无党派'] },
    { label: '群众', code: '13', aliases: ['普通群众'] },
  ],
};

// Only the reasons a member leaves the household; arrivals (嫁入, 新生儿, 其他转入) are a
// different change and are not accepted here.
export const LEFT_REASON: CodeList = {
  category: 'leftReason',
  title: '人员减少原因',
  entries: [
    { label: '死亡', aliases: ['去世', '已故', '病故', '身故'] },
    { label: '嫁出', aliases: ['出嫁', '外嫁'] },
    { label: '出国定居', aliases: ['出国'] },
    { label: '判刑收监', aliases: ['判刑', '收监', '服刑', '服刑人员'] },
    { label: '其他转出', aliases: ['迁出', '户口迁出', '转出', '其他', '其它'] },
  ],
};
