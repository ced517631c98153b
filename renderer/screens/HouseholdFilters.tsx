// Filters of the household list; every select takes its values from the national code lists.
import { Button, Select, Space, Tag } from 'antd';
import { labelsOf } from '../../shared/code-lists/index.ts';
import { HOUSEHOLD_STATUSES, STATUS_LABELS } from '../../shared/status.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { NO_FILTER } from '../store/list-slice.ts';
import type { ListFilter } from '../store/list-slice.ts';
import { useStore } from '../store/index.ts';

const opts = (labels: string[]) => labels.map((l) => ({ value: l, label: l }));
const ATTRIBUTES = opts(labelsOf('attribute'));
const CAUSES = opts(labelsOf('cause'));
const MONITORING = opts(labelsOf('monitoringCategory'));
const STATUSES = HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

function FilterSelect(props: { label: string; field: keyof Omit<ListFilter, 'search' | 'noHelper' | 'sort' | 'desc'>; options: { value: string; label: string }[]; width?: number }) {
  const value = useStore((s) => s.filter[props.field]);
  const setFilter = useStore((s) => s.setFilter);
  return (
    <Select
      aria-label={`按${props.label}筛选`}
      data-testid={`filter-${props.field}`}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={`全部${props.label}`}
      style={{ width: props.width ?? 140 }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => void setFilter({ [props.field]: v ?? null })}
      options={props.options}
    />
  );
}

export default function HouseholdFilters() {
  const villages = useStore((s) => s.villages);
  const groups = useStore((s) => s.groups);
  const filter = useStore((s) => s.filter);
  const setFilter = useStore((s) => s.setFilter);
  const setSearchInput = useStore((s) => s.setSearchInput);
  const active = Object.entries(filter).some(([k, v]) => !['search', 'sort', 'desc'].includes(k) && v != null && v !== false);

  return (
    <Space wrap>
      <FilterSelect label="行政村" field="villageId" options={villages.map((v) => ({ value: v.id, label: v.name }))} />
      <FilterSelect label="村民小组" field="groupName" options={groups.map((g) => ({ value: g, label: g }))} width={132} />
      <FilterSelect label="户状态" field="status" options={STATUSES satisfies { value: HouseholdStatus; label: string }[]} />
      <FilterSelect label="属性" field="attribute" options={ATTRIBUTES} />
      <FilterSelect label="致贫原因" field="mainCause" options={CAUSES} />
      <FilterSelect label="监测类别" field="monitoringCategory" options={MONITORING} />
      {filter.noHelper && (
        <Tag closable color="orange" onClose={() => void setFilter({ noHelper: false })} data-testid="filter-no-helper">
          只看没有帮扶责任人的建档/监测户
        </Tag>
      )}
      {active && (
        <Button
          onClick={() => {
            setSearchInput(filter.search);
            void setFilter({ ...NO_FILTER, search: filter.search, sort: filter.sort, desc: filter.desc });
          }}
        >
          清除筛选
        </Button>
      )}
    </Space>
  );
}
