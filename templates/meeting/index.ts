// 民主评议会议记录 of a batch: date and time of day, place, host, recorder, 投票方式 with 监票人
// and 计票人, those entitled and present (two thirds needed), attendees, the minutes, the
// households deliberated with their votes and result, the conclusion, and a signature cell for
// every attendee (a grid that continues on the next page). Without a recorded meeting: the same form blank, with
// the households listed, to fill in by hand at the meeting.
import type { Block, Cell, FormPage } from '../layout/blocks.ts';
import { dateCn, orBlank } from '../layout/format.ts';
import { signatureGrid } from './signatures.ts';

export interface MeetingHousehold {
  village: string;
  groupName: string | null;
  headName: string;
  size: number;
  category: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
  /** 通过 / 未通过, or empty when not voted yet. */
  result: string;
}

export interface MeetingModel {
  title: string;
  batchTitle: string;
  place: string;
  /** "对××村2026年贫困边缘户认定对象进行民主评议" */
  agenda: string;
  meeting: {
    heldOn: string;
    place: string | null;
    host: string | null;
    recorder: string | null;
    /** "9:30—11:00", or empty. */
    time: string;
    /** 举手表决 / 无记名投票, or null when not recorded. */
    voteMethod: string | null;
    scrutineer: string | null;
    teller: string | null;
    attendeesCount: number | null;
    entitledCount: number | null;
    attendees: string | null;
    minutes: string | null;
    result: string | null;
  } | null;
  /** Whether the attendance reaches two thirds, in words ("到会 30 人，应到 40 人，达到三分之二"). */
  attendance: string;
  categoryLabel: string | null;
  households: MeetingHousehold[];
  /** Signature cells to print: one per attendee. */
  signers: number;
}

const VOTE_METHOD_OPTIONS = ['举手表决', '无记名投票'] as const;

const L = (text: string, span = 1): Cell => ({ text, label: true, span });
const V = (text: string, span = 1): Cell => ({ text, span });
const count = (n: number | null | undefined): string => (n == null ? '' : String(n));

/** The record without the attendees' signatures (a worksheet of its own in the workbook). */
/** 起止时刻 to fill in by hand. */
const BLANK_TIME = '\u3000\u3000时\u3000\u3000分至\u3000\u3000时\u3000\u3000分';

/**
 * The date and the times of a meeting: a blank time to write in goes on its own line (in the
 * half-width cell it broke as "……时 分至 / 时 分").
 */
export function meetingWhen(heldOn: string | null, time: string): string {
  return time ? `${dateCn(heldOn)} ${time}` : `${dateCn(heldOn)}\n${BLANK_TIME}`;
}

export function meetingPage(m: MeetingModel): FormPage {
  const mt = m.meeting;
  const cols = [
    { label: '序号', width: 2 },
    { label: '村民小组', width: 3 },
    { label: '户主姓名', width: 3 },
    { label: '人口', width: 2 },
    ...(m.categoryLabel ? [{ label: m.categoryLabel, width: 4 }] : []),
    { label: '赞成', width: 2 },
    { label: '反对', width: 2 },
    { label: '弃权', width: 2 },
    { label: '评议结果', width: m.categoryLabel ? 4 : 8 },
  ];
  const rows = m.households.map((h, i) => [
    String(i + 1),
    orBlank(h.groupName),
    h.headName,
    String(h.size),
    ...(m.categoryLabel ? [orBlank(h.category)] : []),
    count(h.votesFor),
    count(h.votesAgainst),
    count(h.abstentions),
    h.result,
  ]);
  const blocks: Block[] = [
    { type: 'title', text: m.title, subtitle: m.batchTitle },
    {
      type: 'grid',
      columns: [4, 8, 4, 8],
      rows: [
        [L('会议时间'), V(meetingWhen(mt?.heldOn ?? null, mt?.time ?? '')), L('会议地点'), V(orBlank(mt?.place))],
        [L('主持人'), V(orBlank(mt?.host)), L('记录人'), V(orBlank(mt?.recorder))],
        [L('投票方式'), { options: { options: VOTE_METHOD_OPTIONS, chosen: mt?.voteMethod ? [mt.voteMethod] : [] }, span: 3 }],
        [L('监票人'), V(orBlank(mt?.scrutineer)), L('计票人'), V(orBlank(mt?.teller))],
        [L('应到人数'), V(mt?.entitledCount == null ? '　　人' : `${mt.entitledCount} 人`), L('实到人数'), V(mt?.attendeesCount == null ? '　　人' : `${mt.attendeesCount} 人`)],
        [L('到会情况'), V(m.attendance, 3)],
        [L('参会人员'), V(orBlank(mt?.attendees), 3)],
      ],
    },
    { type: 'box', label: '会议议题', text: m.agenda, minLines: 2 },
    { type: 'box', label: '发言摘要', text: orBlank(mt?.minutes), minLines: 8 },
    { type: 'section', text: '评议对象及表决结果（赞成票超过到会人数一半为通过）' },
    { type: 'table', columns: cols, rows },
    { type: 'box', label: '会议结论', text: orBlank(mt?.result), minLines: 3 },
    { type: 'signatures', items: ['主持人（签字）：', '记录人（签字）：'] },
    { type: 'signatures', items: ['监票人（签字）：', '计票人（签字）：'] },
  ];
  return { where: m.batchTitle, blocks };
}

/** The signature cells of every attendee. */
export function meetingSignaturesPage(m: MeetingModel, withTitle: boolean): FormPage {
  const blocks: Block[] = [
    ...(withTitle ? [{ type: 'title' as const, text: `${m.title}（参会人员签字）`, subtitle: m.batchTitle }] : []),
    { type: 'section', text: `参会人员签字（共 ${m.signers} 人）` },
    signatureGrid(m.signers),
  ];
  return { where: m.batchTitle, blocks };
}

/** The whole record on paper: the form, then the signature grid. */
export function meetingPaper(m: MeetingModel): FormPage {
  return { where: m.batchTitle, blocks: [...meetingPage(m).blocks, ...meetingSignaturesPage(m, false).blocks] };
}
