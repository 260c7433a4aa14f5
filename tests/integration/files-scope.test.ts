import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, createComplaint, loginAs, platform } from '../helpers/api';

async function upload(name: string): Promise<string> {
	const form = new FormData();
	form.append('file', new Blob([Buffer.from('%PDF-1.4 scanned letter')], { type: 'application/pdf' }), name);
	const response = await fetch(`${platform().url}/files`, { method: 'POST', headers: { authorization: `Bearer ${adminToken()}` }, body: form });
	expect(response.status).toBe(200);
	return (await response.json()).data.id;
}

describe('files follow the scope of their complaint', () => {
	let inScope: string;
	let outOfScope: string;
	beforeAll(async () => {
		inScope = await upload('propreté.pdf');
		outOfScope = await upload('voirie.pdf');
		await createComplaint({ category: 'PROP-01', files: [{ directus_files_id: inScope }] });
		await createComplaint({ category: 'VOI-01', latitude: 33.621291, longitude: -7.503336, files: [{ directus_files_id: outOfScope }] });
	});

	it('an agent lists and reads the files of their teams’ complaints only', async () => {
		const token = await loginAs('agent');
		const list = await call('GET', `/files?filter[id][_in]=${inScope},${outOfScope}&fields=id`, { token });
		expect(list.status).toBe(200);
		expect(list.body.data.map((file: { id: string }) => file.id)).toEqual([inScope]);
		expect((await call('GET', `/files/${inScope}`, { token })).status).toBe(200);
		expect((await call('GET', `/files/${outOfScope}`, { token })).status).toBe(403);
	});

	it('the director general reads both; elected officials read none', async () => {
		const dgs = await loginAs('dgs');
		const list = await call('GET', `/files?filter[id][_in]=${inScope},${outOfScope}&fields=id&sort=filename_download`, { token: dgs });
		expect(list.body.data.map((file: { id: string }) => file.id).sort()).toEqual([inScope, outOfScope].sort());
		const elu = await loginAs('elu');
		expect((await call('GET', `/files?fields=id`, { token: elu })).status).toBe(403);
	});
});
