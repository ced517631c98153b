// The catalogue as a whole: every documented code implemented, with its severity and title,
// and the clean fixture household raising nothing.
// eslint-disable-next-line no-restricted-imports -- tests may use Node: they read the rule catalogue document
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainText } from '../fields/limits.ts';
import { qualityRulesDoc } from './doc.ts';
import { ARCHIVE_RULES, CATEGORIES, CHECK_YEAR_RULE_CODES, RULES, ruleCatalogue, rulesFor, runRules } from './index.ts';
import { plainChars } from './rules/limits.ts';
import { cleanFacts, context, problems, withWrongCheckDigit, YEAR } from './test-fixture.ts';

interface DocRow {
  code: string;
  severity: string;
  title: string;
}

function documentedRules(): DocRow[] {
  const text = readFileSync(new URL('../../docs/quality-rules.md', import.meta.url), 'utf8');
  const rows: DocRow[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!/^Q\d{3}$/.test(cells[1] ?? '')) continue;
    rows.push({ code: cells[1]!, severity: cells[2]!, title: cells[3]! });
  }
  return rows;
}

describe('rule catalogue', () => {
  it('docs/quality-rules.md is exactly what the rules say (regenerate: npx tsx scripts/quality-rules-doc.ts)', () => {
    const text = readFileSync(new URL('../../docs/quality-rules.md', import.meta.url), 'utf8');
    expect(text).toBe(qualityRulesDoc(CHECK_YEAR_RULE_CODES));
  });

  it('documents every code with its severity and title', () => {
    const doc = documentedRules();
    expect(doc.length).toBeGreaterThanOrEqual(150);
    const implemented = new Map(ruleCatalogue().map((r) => [r.code, { code: r.code, severity: r.severity, title: r.title }]));
    for (const row of doc) expect(implemented.get(row.code), row.code).toEqual({ ...row, title: row.title.replace(' *(check year)*', '') });
    expect([...implemented.keys()].sort()).toEqual(doc.map((r) => r.code).sort());
  });

  it('gives every rule a category, a hint in Chinese and a source; every category has rules', () => {
    for (const r of ruleCatalogue()) {
      expect(CATEGORIES, r.code).toContain(r.category);
      expect(r.hint, r.code).toMatch(/[\u4e00-\u9fff]/);
      expect(r.source.length, r.code).toBeGreaterThan(3);
    }
    for (const c of CATEGORIES) expect(ruleCatalogue().filter((r) => r.category === c).length, c).toBeGreaterThanOrEqual(10);
  });

  it('has at least 150 pure rules, sorted by code, with unique codes', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(150);
    const codes = RULES.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(ARCHIVE_RULES.map((r) => r.code)).toEqual(['Q105']);
    expect(codes).not.toContain('Q105');
  });

  it('lists the catalogue sorted by code, Q105 included', () => {
    const codes = ruleCatalogue().map((r) => r.code);
    expect(codes).toContain('Q105');
    expect(codes).toEqual([...codes].sort());
  });

  it('drops only the check-year rules when there is no check year', () => {
    const without = rulesFor(false).map((r) => r.code);
    expect(rulesFor(true)).toBe(RULES);
    for (const code of CHECK_YEAR_RULE_CODES) expect(without).not.toContain(code);
    expect(without.length).toBe(RULES.length - CHECK_YEAR_RULE_CODES.length);
  });
});

describe('clean fixture household', () => {
  it('raises no problem', () => {
    expect(problems(cleanFacts())).toEqual([]);
  });

  it('raises no problem in earlier years or on other dates either', () => {
    expect(problems(cleanFacts(), context({ year: YEAR - 1 }))).toEqual([]);
    expect(problems(cleanFacts(), context({ today: '2024-01-01' }))).toEqual([]);
  });
});

describe('runRules', () => {
  it('turns findings into problems naming household, village and member', () => {
    const facts = cleanFacts();
    const girl = facts.members[3]!;
    girl.schoolStatus = '非在校生';
    const [p, ...rest] = runRules(facts, context());
    expect(rest).toEqual([]);
    expect(p).toEqual({
      code: 'Q302',
      severity: 'warning',
      title: '义务教育适龄未在校',
      householdId: facts.household.id,
      household: facts.household.no,
      village: '青山村',
      member: '张小红',
      memberId: girl.id,
      field: 'schoolStatus',
      message: '成员张小红（之女，9岁）在校生状况为“非在校生”，义务教育适龄儿童应在校，请核实是否失学辍学',
    });
  });

  it('never prints a full ID number', () => {
    const facts = cleanFacts();
    const [a, b] = facts.members;
    b!.idNumber = a!.idNumber;
    a!.gender = '女';
    facts.members[2]!.idNumber = withWrongCheckDigit(facts.members[2]!.idNumber!);
    const all = runRules(facts, context());
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) {
      expect(p.message).not.toMatch(/\d{17}[\dX]/);
      expect(p.message).not.toMatch(/\d{11}/);
    }
  });
});

describe('Q801 fast path', () => {
  it('clears a text exactly when the catalogue finds no hidden character or line break in it', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const s = `张${String.fromCharCode(c)}三`;
      if (plainChars(s) !== plainText(s)) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(plainChars('王\u202e五')).toBe(false);
    expect(plainChars('🙂 王五 A-1')).toBe(true);
  });
});
