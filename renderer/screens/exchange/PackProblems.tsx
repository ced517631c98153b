// A package refused for rows the county would refuse: each problem with its household (户编号,
// 户主, 村, the member) and 打开农户, which opens the household on the member and field concerned;
// the list goes to Excel when it is long. Asked of the archive again (exchange.packCheck: the
// same check pack runs first), so it is the list as it stands now.
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { PackProblemView, PackScope } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import ExportListButton from '../../components/ExportListButton.tsx';
import QueryState from '../../components/QueryState.tsx';
import { useQuery } from '../../hooks/use-query.ts';
import { useStore } from '../../store/index.ts';

const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Opens the household; once it is loaded, focuses the member's field (or the household's) the problem names. */
export function openAt(p: PackProblemView): void {
  if (!p.householdId) return;
  const id = p.householdId;
  const st = useStore.getState();
  st.navigate({ name: 'household', id });
  const field = p.column ? camel(p.column) : null;
  if (!field) return;
  // Waits for the page to load this household (a store change), then asks once for the focus.
  let done = false;
  const ready = (): boolean => {
    const e = useStore.getState().editor;
    return e.householdId === id && !e.loading && e.draft !== null;
  };
  const focus = (): void => {
    done = true;
    const draft = useStore.getState().editor.draft!;
    const i = p.memberId ? draft.members.findIndex((m) => m.id === p.memberId) : -1;
    if (p.memberId && i < 0) return;
    useStore.getState().requestFocus(p.memberId ? `members.${i}.${field}` : field);
  };
  if (ready()) {
    focus();
    return;
  }
  const stop = useStore.subscribe(() => {
    if (done || !ready()) return;
    stop();
    focus();
  });
  setTimeout(stop, 10_000);
}

export default function PackProblems({ scope }: { scope: PackScope }) {
  const query = useQuery(() => api.exchange.packCheck({ scope }), [JSON.stringify(scope)]);
  return (
    <QueryState query={query}>
      {(problems) =>
        problems.length === 0 ? (
          <Alert type="success" showIcon style={{ marginTop: 12 }} title="重新检查：没有县级会拒收的记录了，可以再次制作报送数据包。" />
        ) : (
          <Card
            size="small"
            style={{ marginTop: 12 }}
            data-testid="pack-problems"
            title={`县级会拒收的记录（${problems.length >= 200 ? '至少 200' : problems.length} 条）：逐条打开农户改正后再报送`}
            extra={
              <Space>
                <Typography.Text type="secondary">可导出交村里核对</Typography.Text>
                <ExportListButton request={{ kind: 'pack-problems', scope }} name="报送前检查问题清单" testId="pack-problems-export" />
              </Space>
            }
          >
            <Table<PackProblemView>
              size="small"
              rowKey={(p) => `${p.householdId ?? ''}|${p.memberId ?? ''}|${p.line}`}
              dataSource={problems}
              pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: '村', dataIndex: 'village', width: 90 },
                { title: '户编号', dataIndex: 'no', width: 170 },
                { title: '户主', dataIndex: 'head', width: 80 },
                { title: '成员', dataIndex: 'member', width: 80 },
                { title: '问题', dataIndex: 'line' },
                {
                  title: '操作',
                  width: 100,
                  render: (_v, p) =>
                    p.householdId && (
                      <Button size="small" type="link" onClick={() => openAt(p)} data-testid="pack-problem-open">
                        打开农户
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
        )
      }
    </QueryState>
  );
}
