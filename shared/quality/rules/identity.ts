// ID numbers of current members: valid, present, agreeing with gender and birth date,
// not repeated inside the household. (The same ID in two households is Q105 in db/quality.ts.)
import { normalizeIdInput } from '../../id-number.ts';
import { maskIdNumber } from '../../mask.ts';
import { currentMembers, idOf, memberFinding, who } from '../facts.ts';
import type { Finding, RuleCheck } from '../types.ts';

export const identityRules: RuleCheck[] = [
  {
    code: 'Q101',
    severity: 'error',
    title: '身份证号无效',
    check(facts, ctx) {
      const out: Finding[] = [];
      for (const m of currentMembers(facts)) {
        const id = idOf(m, ctx.today);
        if (id.ok || id.problem === 'empty' || id.problem === 'placeholder') continue;
        out.push(
          memberFinding(
            m,
            'idNumber',
            `成员${who(m, ctx.today)}身份证号“${maskIdNumber(normalizeIdInput(m.idNumber ?? ''))}”无效：${id.message}。请对照身份证或户口簿改正`,
          ),
        );
      }
      return out;
    },
  },
  {
    code: 'Q102',
    severity: 'warning',
    title: '身份证号缺失',
    check(facts, ctx) {
      const out: Finding[] = [];
      for (const m of currentMembers(facts)) {
        const id = idOf(m, ctx.today);
        if (id.ok) continue;
        if (id.problem === 'empty') {
          out.push(memberFinding(m, 'idNumber', `成员${who(m, ctx.today)}没有填写身份证号，请补录（无证者需公安户籍部门出具证明）`));
        } else if (id.problem === 'placeholder') {
          out.push(memberFinding(m, 'idNumber', `成员${who(m, ctx.today)}的身份证号是占位号码（999999开头），请补录真实证件号码`));
        }
      }
      return out;
    },
  },
  {
    code: 'Q103',
    severity: 'error',
    title: '性别与身份证号不符',
    check(facts, ctx) {
      const out: Finding[] = [];
      for (const m of currentMembers(facts)) {
        const id = idOf(m, ctx.today);
        if (!id.ok || m.gender == null || m.gender.trim() === '' || m.gender === id.info.gender) continue;
        out.push(
          memberFinding(
            m,
            'gender',
            `成员${who(m, ctx.today)}性别填为“${m.gender}”，但身份证号显示为“${id.info.gender}”，请核对证件后改正性别或身份证号`,
          ),
        );
      }
      return out;
    },
  },
  {
    code: 'Q104',
    severity: 'error',
    title: '出生日期与身份证号不符',
    check(facts, ctx) {
      const out: Finding[] = [];
      for (const m of currentMembers(facts)) {
        const id = idOf(m, ctx.today);
        if (!id.ok || m.birthDate == null || m.birthDate.trim() === '' || m.birthDate === id.info.birthDate) continue;
        out.push(
          memberFinding(
            m,
            'birthDate',
            `成员${who(m, ctx.today)}出生日期填为${m.birthDate}，但身份证号中为${id.info.birthDate}，请核对证件后改正`,
          ),
        );
      }
      return out;
    },
  },
  {
    code: 'Q106',
    severity: 'error',
    title: '户内身份证号重复',
    check(facts, ctx) {
      const out: Finding[] = [];
      const firstWith = new Map<string, (typeof facts.members)[number]>();
      for (const m of currentMembers(facts)) {
        const id = idOf(m, ctx.today);
        const key = id.ok ? id.info.normalized : normalizeIdInput(m.idNumber ?? '');
        if (key === '') continue;
        const first = firstWith.get(key);
        if (!first) {
          firstWith.set(key, m);
          continue;
        }
        out.push(
          memberFinding(
            m,
            'idNumber',
            `成员${who(m, ctx.today)}与${who(first, ctx.today)}的身份证号相同（${maskIdNumber(key)}），一个号码只属于一个人，请核对后改正其中一人的号码`,
          ),
        );
      }
      return out;
    },
  },
];
