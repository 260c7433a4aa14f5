// What every workspace screen shares: the API client, the signed-in user's
// profile (GET /workspace/me, asked once per page load), the filter options,
// and the user's language with its formatters.
import { useApi } from '@directus/extensions-sdk';
import { onMounted, ref } from 'vue';
import { foldAppPanelsOnPhones } from './phone-chrome';
import { useStaffLanguage } from '../../app-shared/staff-i18n';
import { type Http, type Me, type Options, errorMessage, workspaceApi } from './api';
import {
	countdown,
	countdownFromHours,
	formatAge,
	formatCountdown,
	formatDate,
	formatDateTime,
	formatNumber,
	formatShortDate,
	slaStateOf,
} from './format';

const me = ref<Me | null>(null);
const options = ref<Options | null>(null);
let mePromise: Promise<Me> | null = null;
let optionsPromise: Promise<Options> | null = null;

export function useWorkspace() {
	const api = useApi() as unknown as Http;
	const client = workspaceApi(api);
	const { language, dir, t } = useStaffLanguage();
	// every workspace screen: on a phone, the app's navigation and side panel start folded
	onMounted(foldAppPanelsOnPhones);

	function loadMe(): Promise<Me> {
		mePromise ??= client.me().then(
			(value) => (me.value = value),
			(reason) => {
				mePromise = null;
				throw reason;
			},
		);
		return mePromise;
	}

	function loadOptions(): Promise<Options> {
		optionsPromise ??= client.options().then(
			(value) => (options.value = value),
			(reason) => {
				optionsPromise = null;
				throw reason;
			},
		);
		return optionsPromise;
	}

	const can = (capability: string) => !!me.value?.capabilities?.includes(capability);
	const fail = (reason: unknown) => errorMessage(reason, t('workspace_ui.errors.generic'));

	const fmt = {
		number: (value: number) => formatNumber(value, language.value),
		date: (value: string | null | undefined) => formatDate(value, language.value),
		dateTime: (value: string | null | undefined) => formatDateTime(value, language.value),
		shortDate: (value: string | null | undefined) => formatShortDate(value, language.value),
		age: (days: number | null | undefined) => formatAge(days, t, language.value),
		countdownTo: (due: string | null | undefined) => formatCountdown(countdown(due), t, language.value),
		countdownHours: (hours: number | null | undefined) => formatCountdown(countdownFromHours(hours), t, language.value),
		slaOfDue: (due: string | null | undefined, given?: string | null) => slaStateOf(countdown(due), given),
		slaOfHours: (hours: number | null | undefined, given?: string | null) =>
			slaStateOf(countdownFromHours(hours), given),
	};

	return { api, client, language, dir, t, me, options, loadMe, loadOptions, can, fail, fmt };
}
