// docs/quality-rules.md, written from the rule definitions themselves (so the document cannot
// drift from the code): `npx tsx scripts/quality-rules-doc.ts` rewrites it, and
// shared/quality/rules.test.ts fails when the file differs from what the rules say.
import { CATEGORIES, ruleCatalogue } from './index.ts';
import { COUNTY_RULES } from './county-rules.ts';
import { CATEGORY_LABELS, SEVERITY_LABELS } from './types.ts';

const INTRO = `# Data-quality rules (数据质量检查规则)

<!-- Generated from shared/quality by \`npx tsx scripts/quality-rules-doc.ts\`: do not edit by hand. -->

\`relief-archive check\`, the app's 数据检查 and the import preview run these rules before anything
goes to the county (筛查—整改—再筛查 until 账实相符、账账相符). Each rule has a stable code, one of
the national categories of the provinces' data-quality cleaning manuals (完整性, 规范性, 逻辑性,
一致性, 政策符合性, 时效性), a severity (错误 = certainly wrong, must be fixed; 疑点 = likely wrong,
check it), and reports the exact household, member and field (a key of the \`shared/fields\`
catalogue) it concerns, with a fix hint in plain Chinese (the 整改意见) and its source.

Pure rules live in \`shared/quality/rules/\` (one household's facts each); the archive-wide one (a
person in two households, Q105) in \`db/quality.ts\`. Each rule's planted case and the clean demo
are in \`shared/quality/rules-all.test.ts\`; the message of each finding says what was found.

One more rule runs only at the county (县级审核 → 数据质量, \`county quality\`), over the latest packages
of all its townships: Q105X, the same person (a valid ID number of a current member) registered in two
townships, which no township's own check can see (\`core/exchange-archive/county-duplicates.ts\`). It
gives one finding per member involved, in that member's township, on the member's 身份证号
(\`idNumber\`), naming the other township's 户编号, village and member, the number masked; it heads
that township's 问题清单 at the county. It is listed under 一致性 beside Q105, marked *(county)*, and
not counted with the rules of the check.

Definitions used by the rules:
- *current members*: members with no 减员原因 (\`leftReason\`).
- *age*: whole years on the check date (\`--as-of\`, default today), from the birth date (the ID
  number's when valid, otherwise the recorded one; no birth date → the age rules are silent).
- *check year*: the latest year with any income in the archive (or \`--year\`); the rules marked
  *(check year)* are silent in an archive without incomes.
- *per-capita*: \`shared/income.ts\` computeIncome over the household's income row of a year.
- *registered*: status 贫困户, 已脱贫, 返贫户, 边缘易致贫户, 脱贫不稳定户, 突发严重困难户; *monitored*:
  the last three. Completeness rules hold registered households only (the national export's records).
- *unsafe housing*: 危房等级 C级, D级, or 危房 (a 危房户 “是” of the 2022 lists, grade unknown).
- Policy figures (扶贫标准, 防返贫监测范围) come from the archive's policy table by year and province
  (\`resolvePolicy\`); when a figure is missing the rule is silent.
`;

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The whole document. */
export function qualityRulesDoc(checkYearCodes: readonly string[]): string {
  const all = ruleCatalogue();
  const parts = [INTRO, `${all.length} rules in all:`, ''];
  parts.push(
    '| category | rules |',
    '|---|---|',
    ...CATEGORIES.map((c) => `| ${CATEGORY_LABELS[c]} | ${all.filter((r) => r.category === c).length} |`),
    '',
  );
  for (const c of CATEGORIES) {
    parts.push(`## ${CATEGORY_LABELS[c]}`, '', '| code | severity | title | 整改意见 (hint) | source |', '|---|---|---|---|---|');
    const listed = [...all, ...COUNTY_RULES].filter((x) => x.category === c).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const r of listed) {
      const title = COUNTY_RULES.includes(r) ? `${r.title} *(county)*` : checkYearCodes.includes(r.code) ? `${r.title} *(check year)*` : r.title;
      parts.push(`| ${r.code} | ${r.severity} | ${cell(title)} | ${cell(r.hint)} | ${cell(r.source)} |`);
    }
    parts.push('');
  }
  parts.push(`Severities: ${Object.entries(SEVERITY_LABELS).map(([k, v]) => `${k} = ${v}`).join(', ')}.`, '');
  return parts.join('\n');
}
