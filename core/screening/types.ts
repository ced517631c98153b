// What a department list's check says, by sheet, row and column (as the roster import says it).
export type { ScreeningProblem } from '../../shared/api/screening.ts';
