// One labelled row of the settings: the label in a fixed column, the control beside it.
import type { ReactNode } from 'react';

export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'flex-start', gap: 12, marginBottom: 12 }}>
      <div style={{ width: 88, flex: 'none', textAlign: 'right', color: '#555', lineHeight: '32px' }}>{label}</div>
      <div style={{ flex: 1, minWidth: 0, minHeight: 32, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}>
        {children}
        {hint ? <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 2 }}>{hint}</div> : null}
      </div>
    </div>
  );
}
