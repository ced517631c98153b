// Names with characters the font lacks: the clerk is told which, where, and what to do.
import { Alert } from 'antd';
import type { MissingGlyphView } from '../../../shared/api/index.ts';
import { glyphNotice } from '../../editor/documents-output.ts';

export default function GlyphAlert({ missing }: { missing: MissingGlyphView[] }) {
  const n = glyphNotice(missing);
  if (!n) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="doc-missing-glyphs"
      title={n.title}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {n.lines.slice(0, 20).map((l) => (
              <li key={l}>{l}</li>
            ))}
            {n.lines.length > 20 ? <li>……另有 {n.lines.length - 20} 处</li> : null}
          </ul>
          {n.hint}
        </>
      }
    />
  );
}

/** What the clerk should know before posting the paper (a notice for a step not yet open is a 草稿). */
export function WarningsAlert({ warnings }: { warnings: readonly string[] | undefined }) {
  if (!warnings?.length) return null;
  return <Alert type="warning" showIcon data-testid="doc-warnings" title={warnings.join(' ')} />;
}
