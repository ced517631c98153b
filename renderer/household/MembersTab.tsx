// 家庭成员: the editable grid. Enter walks the cells; Enter on the last cell adds a row.
import { Button, Space, Typography } from 'antd';
import { addMember } from '../editor/draft-ops.ts';
import { useStore } from '../store/index.ts';
import MemberRowView, { MEMBER_CODE_COLUMNS } from './MemberRowView.tsx';

export default function MembersTab() {
  const count = useStore((s) => s.editor.draft?.members.length ?? 0);
  const lastCurrent = useStore((s) => {
    const ms = s.editor.draft?.members ?? [];
    for (let i = ms.length - 1; i >= 0; i--) if (ms[i]!.leftReason.trim() === '') return i;
    return -1;
  });
  const current = useStore((s) => s.editor.draft?.members.filter((m) => m.leftReason.trim() === '').length ?? 0);
  const edit = useStore((s) => s.edit);
  const requestFocus = useStore((s) => s.requestFocus);

  const add = (): void => {
    edit(addMember);
    requestFocus(`members.${lastCurrent + 1}.name`);
  };

  return (
    <div>
      <div style={{ overflowX: 'auto' }}>
        <table className="member-grid" aria-label="家庭成员">
          <thead>
            <tr>
              <th className="seq">序号</th>
              <th className="name">姓名</th>
              <th>与户主关系</th>
              <th>身份证号</th>
              <th>性别</th>
              <th>出生日期</th>
              <th>年龄</th>
              {MEMBER_CODE_COLUMNS.map((c) => (
                <th key={c.field}>{c.label}</th>
              ))}
              <th className="ops">操作</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: count }, (_, i) => (
              <MemberRowView key={i} index={i} count={count} isLastCurrent={i === lastCurrent} />
            ))}
          </tbody>
        </table>
      </div>
      <Space style={{ marginTop: 12 }}>
        <Button onClick={add} data-testid="add-member">
          添加成员
        </Button>
        <Typography.Text type="secondary">
          共 {current} 人{count > current ? `（另有 ${count - current} 名已减员）` : ''}。在最后一格按回车会新增一行；未填写姓名和身份证号的新行保存时自动忽略。
        </Typography.Text>
      </Space>
    </div>
  );
}
