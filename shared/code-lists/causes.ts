// 致贫原因 of the 2014–2020 national system (still exported as 致贫原因1 in 2021+ lists).
// Codes 01–11 and 99 are the national order (FIELDS-REFERENCE §2.5); other systems number the
// same causes differently, which is why imports match by label and the code is informative only.

import type { CodeList } from './types.ts';

export const CAUSE: CodeList = {
  category: 'cause',
  title: '致贫原因',
  entries: [
    { label: '因病', code: '01', aliases: ['疾病', '因病致贫', '患病'] },
    { label: '因残', code: '02', aliases: ['残疾', '因残致贫'] },
    { label: '因学', code: '03', aliases: ['因学致贫', '上学'] },
    { label: '因灾', code: '04', aliases: ['因灾致贫', '自然灾害', '因自然灾害', '灾害'] },
    { label: '缺土地', code: '05', aliases: ['缺地', '土地少'] },
    { label: '缺水', code: '06', aliases: ['缺乏水源'] },
    { label: '缺技术', code: '07', aliases: ['缺乏技术'] },
    // National label is 缺劳动力; the archive stores the shorter 缺劳力 that DOMAIN.md and the
    // other modules use, so 缺劳动力 arrives as an alias.
    { label: '缺劳力', code: '08', aliases: ['缺劳动力', '缺乏劳动力'] },
    { label: '缺资金', code: '09', aliases: ['缺乏资金'] },
    { label: '交通条件落后', code: '10', aliases: ['交通落后', '交通条件差', '交通不便'] },
    { label: '自身发展动力不足', code: '11', aliases: ['发展动力不足', '内生动力不足', '自身动力不足'] },
    // 因婚 / 因丧 only exist in some builds' 其他致贫原因 list, without a known national code.
    { label: '因婚', aliases: ['因婚致贫'] },
    { label: '因丧', aliases: ['因丧致贫'] },
    { label: '其他', code: '99', aliases: ['其它', '其他原因'] },
  ],
};
