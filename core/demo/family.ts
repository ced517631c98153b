// Family shapes: who lives in a household, with relation, gender and age that fit together
// (spouse of the other gender, children 20–38 years younger than the head, in-laws married
// to adult children, grandchildren of older heads, now and then a parent of the head).
import type { Gender } from './names.ts';
import { pickSurname } from './names.ts';
import type { Rng } from './random.ts';

export interface Person {
  relation: string;
  gender: Gender;
  /** Target age in whole years on asOf (the real age may come out one less). */
  age: number;
  surname: string;
}

export type FamilyShape = 'normal' | 'single-elderly';

const MAX_SIZE = 7;
const MIN_AGE = 2;

const other = (g: Gender): Gender => (g === '男' ? '女' : '男');
const childRelation = (g: Gender): string => (g === '男' ? '之子' : '之女');
const grandchildRelation = (g: Gender): string => (g === '男' ? '之孙子' : '之孙女');

function headAge(rng: Rng): number {
  const band = rng.weighted<[number, number]>([
    [[25, 39], 20],
    [[40, 59], 45],
    [[60, 80], 35],
  ]);
  return rng.int(band[0], band[1]);
}

function childCount(rng: Rng, age: number): number {
  if (age < 45) return rng.weighted([[0, 5], [1, 25], [2, 45], [3, 25]]);
  if (age < 60) return rng.weighted([[0, 5], [1, 30], [2, 45], [3, 20]]);
  return rng.weighted([[0, 12], [1, 40], [2, 35], [3, 13]]);
}

/** Ages of `n` children of a head aged `head`: 20–38 years younger, at least MIN_AGE. */
function childAges(rng: Rng, head: number, n: number): number[] {
  const oldest = head - 20;
  const youngest = Math.max(MIN_AGE, head - 38);
  const ages: number[] = [];
  for (let i = 0; i < n; i++) ages.push(rng.int(youngest, oldest));
  return ages.sort((a, b) => b - a);
}

export function makeFamily(rng: Rng, shape: FamilyShape): Person[] {
  const surname = pickSurname(rng);
  if (shape === 'single-elderly') {
    return [{ relation: '户主', gender: rng.chance(0.7) ? '男' : '女', age: rng.int(62, 84), surname }];
  }
  const hAge = headAge(rng);
  const hGender: Gender = rng.chance(0.87) ? '男' : '女';
  const people: Person[] = [{ relation: '户主', gender: hGender, age: hAge, surname }];
  const add = (p: Person): boolean => {
    if (people.length >= MAX_SIZE) return false;
    people.push(p);
    return true;
  };

  if (rng.chance(hAge < 70 ? 0.88 : 0.6)) {
    const delta = hGender === '男' ? rng.int(-6, 2) : rng.int(-2, 6);
    add({ relation: '配偶', gender: other(hGender), age: Math.min(95, Math.max(20, hAge + delta)), surname: pickSurname(rng) });
  }

  const wantsParent = hAge <= 58 && rng.chance(0.2);
  const parentSlot = wantsParent ? 1 : 0;
  for (const cAge of childAges(rng, hAge, childCount(rng, hAge))) {
    if (people.length + parentSlot >= MAX_SIZE) break;
    const cGender: Gender = rng.chance(0.52) ? '男' : '女';
    // Adult daughters mostly marry out; adult sons mostly stay.
    if (cAge >= 24 && cGender === '女' && rng.chance(0.45)) continue;
    add({ relation: childRelation(cGender), gender: cGender, age: cAge, surname });
    const married = cAge >= 22 && rng.chance(cGender === '男' ? (hAge >= 60 ? 0.75 : 0.5) : 0.1);
    if (!married || people.length + parentSlot >= MAX_SIZE) continue;
    const inLawAge = Math.max(20, Math.min(hAge - 16, cAge + rng.int(-4, 4)));
    add({ relation: cGender === '男' ? '之儿媳' : '之女婿', gender: other(cGender), age: inLawAge, surname: pickSurname(rng) });
    const grandchildren = cAge >= 23 ? rng.weighted([[0, 15], [1, 45], [2, 40]]) : 0;
    for (let i = 0; i < grandchildren; i++) {
      if (people.length + parentSlot >= MAX_SIZE) break;
      const gGender: Gender = rng.chance(0.52) ? '男' : '女';
      add({ relation: grandchildRelation(gGender), gender: gGender, age: rng.int(MIN_AGE, Math.max(MIN_AGE, cAge - 20)), surname });
    }
  }

  if (wantsParent) {
    const pAge = hAge + rng.int(20, 35);
    if (pAge <= 95) {
      const pGender: Gender = rng.chance(0.4) ? '男' : '女';
      add({ relation: pGender === '男' ? '之父' : '之母', gender: pGender, age: pAge, surname: pGender === '男' ? surname : pickSurname(rng) });
    }
  }
  return people;
}
