// Resources of every area merged into one tree per language. Each area keeps
// its strings in its own folder (one top-level key per area) so that work on
// one channel never edits another's file.
import coreAr from './ar.json';
import coreFr from './fr.json';
import chatAr from './chat/ar.json';
import chatFr from './chat/fr.json';
import deskAr from './desk/ar.json';
import deskFr from './desk/fr.json';
import insightsAr from './insights/ar.json';
import insightsFr from './insights/fr.json';
import mailAr from './mail/ar.json';
import mailFr from './mail/fr.json';
import reportsAr from './reports/ar.json';
import reportsFr from './reports/fr.json';
import platformAr from './platform/ar.json';
import platformFr from './platform/fr.json';
import privacyAr from './privacy/ar.json';
import privacyFr from './privacy/fr.json';
import workspaceAr from './workspace/ar.json';
import workspaceFr from './workspace/fr.json';
import workspaceUiAr from './workspace-ui/ar.json';
import workspaceUiFr from './workspace-ui/fr.json';
import surfaceAr from './surface/ar.json';
import officialsAr from './officials/ar.json';
import officialsFr from './officials/fr.json';
import surfaceFr from './surface/fr.json';

export const fr = {
	...coreFr,
	...deskFr,
	...mailFr,
	...chatFr,
	...insightsFr,
	...reportsFr,
	...platformFr,
	...privacyFr,
	...workspaceFr,
	...workspaceUiFr,
	...surfaceFr,
	...officialsFr,
};
export const ar = {
	...coreAr,
	...deskAr,
	...mailAr,
	...chatAr,
	...insightsAr,
	...reportsAr,
	...platformAr,
	...privacyAr,
	...workspaceAr,
	...workspaceUiAr,
	...surfaceAr,
	...officialsAr,
};
