// Rewrites docs/quality-rules.md from the rule definitions: npx tsx scripts/quality-rules-doc.ts
 
import { writeFileSync } from 'node:fs';
import { CHECK_YEAR_RULE_CODES } from '../shared/quality/index.ts';
import { qualityRulesDoc } from '../shared/quality/doc.ts';

writeFileSync(new URL('../docs/quality-rules.md', import.meta.url), qualityRulesDoc(CHECK_YEAR_RULE_CODES));
