// The Chinese messages of the exchange layer: what went wrong, with which file, what to do.
// Kept together so that the wording stays consistent and the tests can name them.
import { UserError } from '../../shared/errors.ts';
import type { UserErrorKind } from '../../shared/errors.ts';

export function refusal(message: string, kind: UserErrorKind = 'refused'): UserError {
  return new UserError(message, { kind });
}

/** The user cancelled: nothing was written (or what was written has been removed). */
export class Cancelled extends UserError {
  constructor() {
    super('操作已取消，没有写入任何内容。');
  }
}

const RESEND = '请联系发送方重新制作并发送数据包。';

export const refuse = {
  notPackage: (file: string) => refusal(`${file} 不是扶贫档案数据包（文件开头的标识不对）。请确认选择的是 .fpkg 数据包文件。`),
  truncated: (file: string, size: number, expected: number) =>
    refusal(`数据包 ${file} 不完整：应有 ${expected} 字节，实际 ${size} 字节（复制中断或 U 盘出错）。请重新复制一次；仍不行则${RESEND}`),
  extended: (file: string, size: number, expected: number) =>
    refusal(`数据包 ${file} 末尾多出了 ${size - expected} 字节，已被改动过，不能导入。${RESEND}`),
  tooBig: (file: string, size: number, max: number) =>
    refusal(`数据包 ${file} 太大（${size} 字节，最多 ${max} 字节），不予读取。请确认文件来源。`),
  badHeader: (file: string, why: string) => refusal(`数据包 ${file} 的封面信息无效（${why}），可能已损坏或被改动，不能导入。${RESEND}`),
  newerFormat: (file: string, need: number) =>
    refusal(`数据包 ${file} 由更新版本的软件制作（需要读取版本 ${need}）。请先升级本软件再导入。`),
  badSignature: (file: string) =>
    refusal(`数据包 ${file} 的签名校验未通过：内容在签名后被改动过，或不是该发送方签发的。不能导入。${RESEND}`),
  unknownSender: (file: string, who: string) =>
    refusal(`数据包 ${file} 的发送方（${who}）的公钥没有在本机登记，无法确认来源，不能导入。请先通过电话核对指纹并登记对方公钥（keys trust），再导入。`),
  keyMismatch: (file: string, who: string) =>
    refusal(`数据包 ${file} 自称来自 ${who}，但所用的公钥与本机登记的不同，不能导入。请电话联系对方核实。`),
  revoked: (file: string, who: string, seq: number) =>
    refusal(`数据包 ${file} 由已吊销的密钥签发（${who}，序号 ${seq}），不能导入。请对方用新密钥重新制作数据包。`),
  wrongRole: (file: string, kind: string, role: string, need: string) =>
    refusal(`数据包 ${file} 是“${kind}”，只能由${need}密钥签发，但它由${role}密钥签发，不能导入。`),
  unauthenticated: (file: string, who: string) =>
    refusal(
      `数据包 ${file} 用口令加密，发送方（${who}）的密钥未在本机登记，无法确认它真的来自对方（未认证）。如确需导入：请按正式通讯录上的号码打电话，与对方逐组核对上面的指纹，并由负责人确认后再导入。`,
    ),
  notForUs: (file: string) => refusal(`数据包 ${file} 不是发给本机的（收件方中没有本机的密钥），无法解开。请确认选对了文件，或请发送方用本机的公钥重新制作。`),
  needPassphrase: (file: string) => refusal(`数据包 ${file} 是用口令加密的，请输入发送方通过电话告知的口令。`),
  needKey: (file: string) => refusal(`数据包 ${file} 是用密钥加密的，不用口令：请用本机的密钥打开。`),
  noAnswer: (file: string) =>
    refusal(`数据包 ${file} 声称回复的报送数据包不是本机发出的，或内容对不上（编号或校验值不符），不能导入。请电话联系县级核实。`),
  replayed: (file: string, seq: number, last: number) =>
    refusal(`数据包 ${file} 的序号是 ${seq}，本机已接收过序号 ${last} 的数据包：这是旧的或重复的数据包，不能导入（防止用旧数据覆盖新数据）。请向发送方索取最新的数据包。`),
  payloadChanged: (file: string) =>
    refusal(`数据包 ${file} 的内容与签名记录的校验值不符：文件已损坏或被改动，没有解密，也没有写入任何内容。请重新复制一次；仍不行则${RESEND}`),
  ageHeader: (file: string, why: string) => refusal(`数据包 ${file} 的加密信息不合规（${why}），可能被改动过，没有解密。${RESEND}`),
  scryptTooCostly: (file: string, logN: number, cap: number) =>
    refusal(`数据包 ${file} 要求的口令计算量过大（2^${logN}，最多允许 2^${cap}），为免本机卡死，没有尝试解开。${RESEND}`),
  ageMac: (file: string) => refusal(`数据包 ${file} 的加密头部校验未通过：收件信息被改动过，没有解密。${RESEND}`),
  wrongPassphrase: (file: string) => refusal(`口令不对，无法解开数据包 ${file}。请核对电话告知的口令（8 组数字）后重试。`),
  wrongKey: (file: string) => refusal(`本机的密钥解不开数据包 ${file}。请确认它是发给本档案的，或请发送方用本档案的公钥重新制作。`),
  decryptFailed: (file: string) =>
    refusal(`数据包 ${file} 解密失败：加密内容已损坏、被截短或被改动。已读出的内容全部作废，没有写入任何内容。${RESEND}`),
  badContent: (file: string, why: string) => refusal(`数据包 ${file} 的内容不合规（${why}），已读出的内容全部作废，没有写入任何内容。${RESEND}`),
  mismatchedBinding: (file: string, field: string) =>
    refusal(`数据包 ${file} 的内容与封面不一致（${field}不同）：内容是从别的数据包挪来的，不能导入。${RESEND}`),
  cancelled: () => new Cancelled(),
};
