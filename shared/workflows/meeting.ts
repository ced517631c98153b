// 民主评议: a meeting counts only when at least two thirds of those entitled to attend were
// present (seed 000 "三分之二以上"); a household carries when more than half of those present
// voted for it.

/** The fewest people present for a meeting of `entitled` to count: ⌈2·entitled / 3⌉. */
export function twoThirdsMinimum(entitled: number): number {
  return Math.ceil((2 * entitled) / 3);
}

export function meetsTwoThirds(attendees: number, entitled: number): boolean {
  return entitled > 0 && attendees <= entitled && 3 * attendees >= 2 * entitled;
}

/** Why a meeting's attendance does not count, in Chinese; null when it does. */
export function attendanceProblem(attendees: number | null, entitled: number | null): string | null {
  if (attendees == null || entitled == null) return '会议记录缺少到会人数或应到人数，请补填';
  if (entitled <= 0) return '应到人数应大于0，请核对';
  if (attendees > entitled) return `到会人数 ${attendees} 人多于应到人数 ${entitled} 人，请核对`;
  if (!meetsTwoThirds(attendees, entitled)) {
    return `到会 ${attendees} 人，应到 ${entitled} 人，不足三分之二（至少需要 ${twoThirdsMinimum(entitled)} 人到会）`;
  }
  return null;
}

/** A household carries when votes for it are more than half of those present. */
export function voteCarries(votesFor: number, attendees: number): boolean {
  return attendees > 0 && 2 * votesFor > attendees;
}
