// 签到表 of a batch's meeting (民主评议会): what meeting, when (date and time of day), where,
// who hosts, how many are entitled; then one row per person — 序号, 姓名, 所在村民小组, 身份
// (村民代表/党员/村干部…) and 签名 — as many rows as those entitled, the names already known
// printed in. Signed at the door, filed with the 会议记录.
import type { Block, FormPage } from '../layout/blocks.ts';
import { dateCn, orBlank } from '../layout/format.ts';
import { SIGN_ROOM } from '../meeting/signatures.ts';

export interface SignInModel {
  title: string;
  batchTitle: string;
  /** "青山村2026年贫困边缘户认定民主评议会" */
  meetingName: string;
  heldOn: string | null;
  /** "9:30—11:00", or empty. */
  time: string;
  place: string | null;
  host: string | null;
  entitledCount: number | null;
  /** Names already known (the recorded attendee list), printed in the first rows. */
  names: string[];
  /** Rows to print: at least those entitled. */
  rows: number;
}

export function signInPage(m: SignInModel): FormPage {
  const L = (text: string) => ({ text, label: true });
  const V = (text: string, span = 1) => ({ text, span });
  const rows = Array.from({ length: m.rows }, (_, i) => [String(i + 1), m.names[i] ?? '', '', '', SIGN_ROOM]);
  const blocks: Block[] = [
    { type: 'title', text: m.title, subtitle: m.batchTitle },
    {
      type: 'grid',
      columns: [4, 8, 4, 8],
      rows: [
        [L('会议名称'), V(m.meetingName, 3)],
        [L('会议时间'), V(`${dateCn(m.heldOn)} ${m.time || '\u3000\u3000时\u3000\u3000分'}`), L('会议地点'), V(orBlank(m.place))],
        [L('主持人'), V(orBlank(m.host)), L('应到人数'), V(m.entitledCount == null ? '　　人' : `${m.entitledCount} 人`)],
      ],
    },
    {
      type: 'table',
      columns: [
        { label: '序号', width: 2 },
        { label: '姓名', width: 4 },
        { label: '所在村民小组', width: 5 },
        { label: '身份（村民代表/党员/村干部等）', width: 6 },
        { label: '签名', width: 7 },
      ],
      rows,
    },
    { type: 'paragraph', text: `应到\u3000${m.entitledCount ?? '\u3000\u3000'}\u3000人，实到\u3000\u3000\u3000人（到会人数须达到应到人数的三分之二以上，会议方为有效）。` },
    { type: 'signatures', items: ['主持人（签字）：', '记录人（签字）：'] },
  ];
  return { where: m.batchTitle, blocks };
}
