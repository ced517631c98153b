// One village: its facts, yearly figures, the checklist of the latest year, work team.
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { VillageYearView } from '../../shared/api/index.ts';
import { formatYuan } from '../../shared/money.ts';
import { api } from '../api.ts';
import QueryState from '../components/QueryState.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { useState } from 'react';
import { API } from '../../shared/api/index.ts';
import { useMay } from '../hooks/use-may.ts';
import { useToday } from '../hooks/use-today.ts';
import { useStore } from '../store/index.ts';
import { villagePapers } from '../editor/paper-print.ts';
import PaperButtons from './documents/PaperButtons.tsx';
import { VillageModal, VillageYearModal } from './VillageModals.tsx';

const money = (fen: number | null): string => (fen == null ? '—' : `${formatYuan(fen)} 元`);

function Checklist({ year }: { year: VillageYearView | undefined }) {
  const items = Object.entries(year?.checklist ?? {});
  if (!year || items.length === 0) return <Typography.Text type="secondary">没有记录</Typography.Text>;
  return (
    <Space wrap>
      {items.map(([item, ok]) => (
        <Tag key={item} color={ok ? 'green' : 'red'}>
          {ok ? '✓' : '✗'} {item}
        </Tag>
      ))}
    </Space>
  );
}

export default function VillagePage({ id }: { id: string }) {
  const query = useQuery(() => api.villages.get({ id }), [id]);
  const navigate = useStore((s) => s.navigate);
  const setFilter = useStore((s) => s.setFilter);
  const mayEdit = useMay(API.villages.save);
  const today = useToday();
  const [editing, setEditing] = useState<'facts' | 'year' | null>(null);
  const saved = (): void => {
    setEditing(null);
    query.reload();
    void useStore.getState().loadVillages();
  };

  return (
    <QueryState query={query}>
      {(v) => {
        const years = [...v.years].sort((a, b) => b.year - a.year);
        return (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Space wrap>
              <Button onClick={() => navigate({ name: 'villages' })}>← 行政村列表</Button>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {v.name}
              </Typography.Title>
              {v.isPoorVillage && <Tag color="red">贫困村</Tag>}
              <Button
                type="primary"
                onClick={() => {
                  void setFilter({ villageId: v.id });
                  navigate({ name: 'households' });
                }}
              >
                查看本村农户
              </Button>
              <PaperButtons papers={villagePapers(v.code, v.households)} testId="village-papers" />
              {mayEdit && (
                <>
                  <Button onClick={() => setEditing('facts')} data-testid="village-edit">
                    编辑村情
                  </Button>
                  <Button onClick={() => setEditing('year')} data-testid="village-year-edit">
                    录入年度数据
                  </Button>
                </>
              )}
            </Space>
            {editing === 'facts' && <VillageModal village={v} onClose={() => setEditing(null)} onSaved={saved} />}
            {editing === 'year' && <VillageYearModal village={v} year={years[0]?.year ?? Number(today.slice(0, 4))} onClose={() => setEditing(null)} onSaved={saved} />}
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2, xl: 3 }}
                items={[
                  { key: 'code', label: '区划代码', children: v.code },
                  { key: 'exit', label: '出列年度', children: v.exitYear ?? '—' },
                  { key: 'count', label: '总户数 / 人数', children: `${v.households.toLocaleString('zh-CN')} 户 / ${v.members.toLocaleString('zh-CN')} 人` },
                  { key: 'registered', label: '建档户数 / 人数', children: `${v.registeredHouseholds.toLocaleString('zh-CN')} 户 / ${v.registeredMembers.toLocaleString('zh-CN')} 人（建档立卡和监测户）` },
                  { key: 'sec', label: '第一书记', children: v.firstSecretary ? `${v.firstSecretary}${v.firstSecretaryPhone ? `（${v.firstSecretaryPhone}）` : ''}` : '—' },
                  { key: 'team', label: '驻村工作队', children: v.workTeam ?? '—', span: 2 },
                ]}
              />
            </Card>
            <Card size="small" title={`村级清单${years[0] ? `（${years[0].year}年）` : ''}`}>
              <Checklist year={years[0]} />
            </Card>
            <Card size="small" title="历年情况">
              <Table
                size="small"
                rowKey="year"
                pagination={false}
                dataSource={years}
                columns={[
                  { title: '年度', dataIndex: 'year' },
                  { title: '农村户数', dataIndex: 'ruralHouseholds', align: 'right', render: (n: number | null) => n ?? '—' },
                  { title: '农村人口', dataIndex: 'ruralPopulation', align: 'right', render: (n: number | null) => n ?? '—' },
                  { title: '人均可支配收入', dataIndex: 'perCapitaIncomeFen', align: 'right', render: money },
                  { title: '村集体经营性收入', dataIndex: 'collectiveIncomeFen', align: 'right', render: money },
                  {
                    title: '清单达标',
                    key: 'checklist',
                    render: (_: unknown, y: VillageYearView) => {
                      const items = Object.values(y.checklist ?? {});
                      return items.length ? `${items.filter(Boolean).length} / ${items.length}` : '—';
                    },
                  },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
