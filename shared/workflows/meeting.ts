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

/** 投票方式 of a 民主评议 meeting, stored as the code. */
export const VOTE_METHODS = { hands: '举手表决', ballot: '无记名投票' } as const;
export type VoteMethod = keyof typeof VOTE_METHODS;

export function voteMethodLabel(code: string | null | undefined): string | null {
  return code != null && code in VOTE_METHODS ? VOTE_METHODS[code as VoteMethod] : null;
}

/** A time of day "HH:MM" (24 hours). */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Why a meeting's 开始/结束时间 do not fit, in Chinese; null when they do (either may be missing). */
export function meetingTimeProblem(startsAt: string | null, endsAt: string | null): string | null {
  for (const [t, label] of [[startsAt, '开始时间'], [endsAt, '结束时间']] as const) {
    if (t != null && !TIME_OF_DAY.test(t)) return `${label}“${t}”不是时:分格式，请写成如 09:30 的 24 小时时间`;
  }
  if (startsAt != null && endsAt != null && endsAt <= startsAt) return `结束时间 ${endsAt} 应晚于开始时间 ${startsAt}，请核对`;
  return null;
}

/** "9:30—11:00", "9:30 开始", or empty. */
export function meetingTimeText(startsAt: string | null, endsAt: string | null): string {
  const t = (x: string) => x.replace(/^0(\d)/, '$1');
  if (startsAt && endsAt) return `${t(startsAt)}—${t(endsAt)}`;
  if (startsAt) return `${t(startsAt)} 开始`;
  if (endsAt) return `${t(endsAt)} 结束`;
  return '';
}

/** Names in an attendee list written with 、，, ; or new lines, each once. */
export function attendeeNames(text: string | null | undefined): string[] {
  return [...new Set((text ?? '').split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean))];
}
