// A fingerprint as six groups of five digits, large and spaced for reading over the phone.
import { fingerprintGroups } from '../../editor/exchange-keys.ts';

export default function Fingerprint({ value, size = 'large', testId }: { value: string; size?: 'large' | 'small'; testId?: string }) {
  const groups = fingerprintGroups(value);
  return (
    <span className={`fpr fpr-${size}`} data-testid={testId} aria-label={`指纹 ${groups.join(' ')}`}>
      {groups.map((g, i) => (
        <span key={i} className="fpr-group">
          {size === 'large' && <sup className="fpr-no">{i + 1}</sup>}
          {g}
        </span>
      ))}
    </span>
  );
}
