// A small XML writer for the shapes of Open311 GeoReport v2: a root element
// holding either one record (<discovery>, <service_definition>) or a list of
// records (<services><service>…, <service_requests><request>…, <errors><error>…).
// Lists inside a record (<endpoints><endpoint>, <formats><format>,
// <attributes><attribute>, <values><value>) take the element name of one item.

export type XmlValue = string | number | boolean | null | undefined | Date | XmlValue[] | { [key: string]: XmlValue };

/** Element names of one item of each list the GeoReport v2 documents contain. */
export const XML_ITEM_NAMES: Readonly<Record<string, string>> = {
	services: 'service',
	service_requests: 'request',
	errors: 'error',
	endpoints: 'endpoint',
	formats: 'format',
	attributes: 'attribute',
	values: 'value',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// characters XML 1.0 does not allow at all, even escaped (control characters on purpose)
const INVALID_XML_CHARS =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content or attribute value, escaped; characters XML cannot carry are dropped. */
export function escapeXml(value: string): string {
	return value
		.replace(INVALID_XML_CHARS, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

function itemName(listName: string): string {
	const known = XML_ITEM_NAMES[listName];
	if (known) return known;
	return listName.endsWith('s') && listName.length > 1 ? listName.slice(0, -1) : 'item';
}

function element(name: string, value: unknown, indent: string): string {
	if (!NAME.test(name)) throw new Error(`invalid XML element name: ${name}`);
	if (value === null || value === undefined) return `${indent}<${name}/>`;
	if (Array.isArray(value)) {
		if (value.length === 0) return `${indent}<${name}/>`;
		const child = itemName(name);
		return `${indent}<${name}>\n${value.map((item) => element(child, item, `${indent}\t`)).join('\n')}\n${indent}</${name}>`;
	}
	if (value instanceof Date) return `${indent}<${name}>${escapeXml(value.toISOString())}</${name}>`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		if (entries.length === 0) return `${indent}<${name}/>`;
		return `${indent}<${name}>\n${entries.map(([key, child]) => element(key, child, `${indent}\t`)).join('\n')}\n${indent}</${name}>`;
	}
	if (typeof value === 'function' || typeof value === 'symbol') throw new Error(`cannot write ${typeof value} as XML`);
	const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
	return text === '' ? `${indent}<${name}/>` : `${indent}<${name}>${escapeXml(text)}</${name}>`;
}

/** A complete UTF-8 XML document: the declaration, then `root` holding `value`. */
export function toXml(root: string, value: XmlValue | object): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, '')}\n`;
}

export type Open311Format = 'json' | 'xml';

export const CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
	json: 'application/json; charset=utf-8',
	xml: 'text/xml; charset=utf-8',
};

/** Root element of each GeoReport v2 document in XML (JSON has no root: the value itself). */
export type Open311Root = 'discovery' | 'services' | 'service_definition' | 'service_requests' | 'errors';

/** A response body in the asked format, with its content type. */
export function renderOpen311(
	format: Open311Format,
	root: Open311Root,
	value: XmlValue | object,
): { contentType: string; body: string } {
	return { contentType: CONTENT_TYPES[format], body: format === 'xml' ? toXml(root, value) : JSON.stringify(value) };
}
