// The WhatsApp Business Cloud (Graph) API over HTTP: send a message, fetch a
// media file (GET /{media-id} gives a short-lived URL, fetched with the token).
import axios from 'axios';

export interface WhatsAppConfig {
	graphUrl: string;
	phoneNumberId: string;
	accessToken: string;
	verifyToken: string;
	appSecret: string;
	templates: Record<string, string>;
}

/** The client's configuration from the WhatsApp settings (config/settings.ts). */
export function whatsappConfig(
	settings: Omit<WhatsAppConfig, 'templates'> & { templates: Readonly<Record<string, string>> },
): WhatsAppConfig {
	return {
		graphUrl: settings.graphUrl.replace(/\/$/, ''),
		phoneNumberId: settings.phoneNumberId,
		accessToken: settings.accessToken,
		verifyToken: settings.verifyToken,
		appSecret: settings.appSecret,
		templates: { ...settings.templates },
	};
}

export async function sendWhatsApp(
	config: WhatsAppConfig,
	body: Record<string, unknown>,
	phoneNumberId?: string | null,
): Promise<string | null> {
	if (!config.accessToken || !(phoneNumberId || config.phoneNumberId))
		throw new Error('WhatsApp not configured (WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID)');
	const response = await axios.post(`${config.graphUrl}/${phoneNumberId || config.phoneNumberId}/messages`, body, {
		headers: { authorization: `Bearer ${config.accessToken}` },
		timeout: 15_000,
	});
	return (response.data as { messages?: { id?: string }[] })?.messages?.[0]?.id ?? null;
}

const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

export async function downloadMedia(config: WhatsAppConfig, mediaId: string): Promise<Buffer> {
	const headers = { authorization: `Bearer ${config.accessToken}` };
	const meta = await axios.get(`${config.graphUrl}/${encodeURIComponent(mediaId)}`, { headers, timeout: 15_000 });
	const url = (meta.data as { url?: string })?.url;
	if (!url) throw new Error('WhatsApp media without URL');
	const file = await axios.get(url, {
		headers,
		responseType: 'arraybuffer',
		timeout: 30_000,
		maxContentLength: MAX_MEDIA_BYTES,
	});
	return Buffer.from(file.data as ArrayBuffer);
}
