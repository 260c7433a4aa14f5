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

export function whatsappConfigFromEnv(env: Record<string, unknown>): WhatsAppConfig {
	const value = (name: string) => (typeof env[name] === 'string' ? (env[name] as string) : env[name] === undefined || env[name] === null ? '' : String(env[name]));
	const templates: Record<string, string> = {};
	for (const [name, template] of Object.entries(env)) {
		const match = /^WHATSAPP_TEMPLATE_([A-Z0-9_]+)$/.exec(name);
		if (match && typeof template === 'string' && template) templates[match[1].toLowerCase()] = template;
	}
	return {
		graphUrl: (value('WHATSAPP_GRAPH_URL') || 'https://graph.facebook.com/v21.0').replace(/\/$/, ''),
		phoneNumberId: value('WHATSAPP_PHONE_NUMBER_ID'),
		accessToken: value('WHATSAPP_ACCESS_TOKEN'),
		verifyToken: value('WHATSAPP_VERIFY_TOKEN'),
		appSecret: value('WHATSAPP_APP_SECRET'),
		templates,
	};
}

export async function sendWhatsApp(config: WhatsAppConfig, body: Record<string, unknown>, phoneNumberId?: string | null): Promise<string | null> {
	if (!config.accessToken || !(phoneNumberId || config.phoneNumberId)) throw new Error('WhatsApp not configured (WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID)');
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
	const file = await axios.get(url, { headers, responseType: 'arraybuffer', timeout: 30_000, maxContentLength: MAX_MEDIA_BYTES });
	return Buffer.from(file.data as ArrayBuffer);
}
