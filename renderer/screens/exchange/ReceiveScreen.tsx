// 导入数据包 (county: the townships' packages) / 县级审核结果 (township: the county's answers, then
// what the county said per batch), with the packages received so far.
import { Card, Typography } from 'antd';
import type { PackageLogView, TownshipReviewView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { stillAwaiting } from '../../editor/exchange-review.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useStore } from '../../store/index.ts';
import './exchange.css';
import ImportPackage from './ImportPackage.tsx';
import { PackagesLog } from './parts.tsx';
import ReviewResults from './ReviewResults.tsx';
import { useExchange } from './state.ts';

interface Loaded {
  received: PackageLogView[];
  review: TownshipReviewView | null;
}

export default function ReceiveScreen() {
  const role = useStore((s) => s.session?.archive?.role ?? 'township');
  const version = useExchange((s) => s.version);
  const query = useQuery(
    async (): Promise<Loaded> => {
      const [received, review, sent] = await Promise.all([
        api.exchange.packages({ direction: 'in' }),
        role === 'township' ? api.exchange.reviewResults({}) : Promise.resolve(null),
        role === 'township' ? api.exchange.packages({ direction: 'out' }) : Promise.resolve([]),
      ]);
      return { received, review: review && { ...review, awaiting: stillAwaiting(review.awaiting, sent, received) } };
    },
    [role, version],
  );
  return (
    <div className="exchange-screen" data-testid="receive-screen">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {role === 'county' ? '导入乡镇数据包' : '县级审核结果'}
      </Typography.Title>
      <ImportPackage side={role} />
      <QueryState query={query}>
        {(data) => (
          <>
            {data.review && (
              <Card title="县级审核意见（按批次）" size="small">
                <ReviewResults review={data.review} />
              </Card>
            )}
            <Card title="已导入的数据包" size="small">
              <PackagesLog packages={data.received} testId="received-packages" />
            </Card>
          </>
        )}
      </QueryState>
    </div>
  );
}
