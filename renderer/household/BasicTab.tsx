// 基本情况: the household's own fields, section by section as the field catalogue places them
// (shared/fields/household.ts): where it is and how it was identified, living and production
// conditions, the rarer items folded away, and the subsidy account.
import { Collapse } from 'antd';
import { editorFields } from '../../shared/fields/index.ts';
import type { EditorGroup } from '../../shared/fields/index.ts';
import { CatalogField } from './catalog-field.tsx';
import { VillageField } from './fields.tsx';

function Section({ group, village }: { group: EditorGroup; village?: boolean }) {
  return (
    <div className="basic-grid">
      {village && <VillageField />}
      {editorFields('household', group).map((f) => (
        <CatalogField key={f.key} f={f} />
      ))}
    </div>
  );
}

export default function BasicTab() {
  return (
    <div>
      <div className="section-title">户基本信息</div>
      <Section group="identity" village />
      <div className="section-title">生产生活条件</div>
      <Section group="conditions" />
      <Collapse
        ghost
        size="small"
        items={[{ key: 'extra', label: '其他情况（饮水困难、灌溉及林果草水面积、合作社、搬迁、军烈属等）', children: <Section group="extra" /> }]}
      />
      <div className="section-title">补贴发放账户</div>
      <Section group="account" />
    </div>
  );
}
