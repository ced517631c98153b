// The documents to choose from, each with what it is for and the scopes it can be made for.
import { Card, Tag, Typography } from 'antd';
import type { DocumentKind, DocumentKindView } from '../../../shared/api/index.ts';
import { SCOPE_LABELS } from '../../editor/documents-form.ts';

export default function KindList({ kinds, value, onChange }: { kinds: DocumentKindView[]; value: DocumentKind | null; onChange: (k: DocumentKindView) => void }) {
  return (
    <Card size="small" title="选择文档" styles={{ body: { padding: 8 } }}>
      <div role="radiogroup" aria-label="文档" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
        {kinds.map((k) => {
          const active = k.kind === value;
          return (
            <div
              key={k.kind}
              role="radio"
              aria-checked={active}
              tabIndex={0}
              data-testid={`doc-kind-${k.kind}`}
              onClick={() => onChange(k)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onChange(k);
                }
              }}
              style={{
                cursor: 'pointer',
                padding: '8px 10px',
                borderRadius: 6,
                border: `1px solid ${active ? '#1677ff' : '#f0f0f0'}`,
                background: active ? '#e6f4ff' : '#fff',
              }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
                <Typography.Text strong>{k.label}</Typography.Text>
                <span>
                  {k.scopes.map((s) => (
                    <Tag key={s} style={{ marginInlineEnd: 2, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
                      {SCOPE_LABELS[s]}
                    </Tag>
                  ))}
                </span>
              </div>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 0' }} ellipsis={active ? false : { rows: 2 }}>
                {k.description}
              </Typography.Paragraph>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
