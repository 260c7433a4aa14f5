import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, escapeXml, renderOpen311, toXml } from './xml';

describe('Open311 XML', () => {
	it('writes a list of records under the GeoReport v2 root and item names', () => {
		const xml = toXml('services', [
			{
				service_code: 'PROP-01',
				service_name: 'Ordures ménagères non collectées',
				metadata: false,
				type: 'realtime',
				keywords: null,
				group: 'Propreté',
			},
		]);
		expect(xml).toBe(
			[
				'<?xml version="1.0" encoding="UTF-8"?>',
				'<services>',
				'\t<service>',
				'\t\t<service_code>PROP-01</service_code>',
				'\t\t<service_name>Ordures ménagères non collectées</service_name>',
				'\t\t<metadata>false</metadata>',
				'\t\t<type>realtime</type>',
				'\t\t<keywords/>',
				'\t\t<group>Propreté</group>',
				'\t</service>',
				'</services>',
				'',
			].join('\n'),
		);
	});

	it('names the items of every list the specification has', () => {
		expect(toXml('service_requests', [{ service_request_id: 'CAS-2026-000001' }])).toContain(
			'<service_requests>\n\t<request>\n\t\t<service_request_id>CAS-2026-000001</service_request_id>',
		);
		expect(toXml('errors', [{ code: 403, description: 'x' }])).toContain(
			'<errors>\n\t<error>\n\t\t<code>403</code>\n\t\t<description>x</description>\n\t</error>\n</errors>',
		);
		const discovery = toXml('discovery', { endpoints: [{ formats: ['text/xml', 'application/json'] }] });
		expect(discovery).toContain(
			'<endpoints>\n\t\t<endpoint>\n\t\t\t<formats>\n\t\t\t\t<format>text/xml</format>\n\t\t\t\t<format>application/json</format>',
		);
		const definition = toXml('service_definition', {
			service_code: 'X',
			attributes: [{ code: 'A', values: [{ key: '1', name: 'Un' }] }],
		});
		expect(definition).toContain('<attributes>\n\t\t<attribute>');
		expect(definition).toContain('<values>\n\t\t\t\t<value>\n\t\t\t\t\t<key>1</key>\n\t\t\t\t\t<name>Un</name>');
		expect(toXml('service_definition', { service_code: 'X', attributes: [] })).toContain('<attributes/>');
	});

	it('escapes markup and drops characters XML cannot carry; keeps Arabic as UTF-8', () => {
		expect(escapeXml(`a < b & c > "d" 'e'`)).toBe('a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;');
		expect(escapeXml('bell\u0007 tab\t nl\n')).toBe('bell tab\t nl\n');
		const xml = toXml('errors', [{ code: 400, description: '<script>alert("x")</script> عدم جمع النفايات' }]);
		expect(xml).toContain(
			'<description>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; عدم جمع النفايات</description>',
		);
		expect(xml).not.toContain('<script>');
	});

	it('writes null and empty values as empty elements, numbers and booleans as text', () => {
		const xml = toXml('service_requests', [
			{ account_id: null, media_url: undefined, lat: 33.5463, long: -7.6787, metadata: true, empty: '' },
		]);
		expect(xml).toContain('<account_id/>');
		expect(xml).toContain('<media_url/>');
		expect(xml).toContain('<lat>33.5463</lat>');
		expect(xml).toContain('<long>-7.6787</long>');
		expect(xml).toContain('<metadata>true</metadata>');
		expect(xml).toContain('<empty/>');
		expect(toXml('service_requests', [])).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests/>\n');
	});

	it('refuses element names that are not XML names', () => {
		expect(() => toXml('errors', [{ 'bad name': 1 }])).toThrow(/invalid XML element name/);
	});

	it('renders JSON as the bare value and XML under its root, with UTF-8 content types', () => {
		expect(renderOpen311('json', 'errors', [{ code: 404, description: 'x' }])).toEqual({
			contentType: CONTENT_TYPES.json,
			body: '[{"code":404,"description":"x"}]',
		});
		const xml = renderOpen311('xml', 'errors', [{ code: 404, description: 'x' }]);
		expect(xml.contentType).toBe('text/xml; charset=utf-8');
		expect(xml.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<errors>')).toBe(true);
	});
});
