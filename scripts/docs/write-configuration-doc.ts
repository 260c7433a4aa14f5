// `npm run docs:config`: writes docs/configuration.md from the settings'
// declarations (extensions/casa-core/src/config/settings.ts).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CONFIGURATION_DOC, renderConfigurationDoc } from './configuration-doc';

writeFileSync(CONFIGURATION_DOC, renderConfigurationDoc());
console.log(`written: ${relative(process.cwd(), CONFIGURATION_DOC)}`);
