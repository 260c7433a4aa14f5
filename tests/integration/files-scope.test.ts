// Files follow the scope of their complaint. Scoped staff roles hold no
// permission on directus_files: the generic /files and /assets refuse them
// every file, and the workspace serves a file only by its complaint
// (GET /workspace/complaints/:id/files/:file), to whoever may read that complaint.
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, createComplaint, loginAs, platform } from '../helpers/api';

async function upload(name: string): Promise<string> {
	const form = new FormData();
	form.append('file', new Blob([Buffer.from('%PDF-1.4 scanned letter')], { type: 'application/pdf' }), name);
	const response = await fetch(`${platform().url}/files`, {
		method: 'POST',
		headers: { authorization: `Bearer ${adminToken()}` },
		body: form,
	});
	expect(response.status).toBe(200);
	return (await response.json()).data.id;
}

async function fetchAs(token: string, path: string) {
	const response = await fetch(`${platform().url}${path}`, { headers: { authorization: `Bearer ${token}` } });
	return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

describe('files follow the scope of their complaint', () => {
	let inScope: string;
	let outOfScope: string;
	let inComplaint: string;
	let outComplaint: string;
	beforeAll(async () => {
		inScope = await upload('propreté.pdf');
		outOfScope = await upload('voirie.pdf');
		inComplaint = (await createComplaint({ category: 'PROP-01', files: [{ directus_files_id: inScope }] })).id;
		outComplaint = (
			await createComplaint({
				category: 'VOI-01',
				latitude: 33.621291,
				longitude: -7.503336,
				files: [{ directus_files_id: outOfScope }],
			})
		).id;
	});

	it('an agent gets its teams’ complaint files through the workspace only', async () => {
		const token = await loginAs('agent');
		// the generic API: no permission on directus_files, whatever the complaint
		expect((await call('GET', `/files?filter[id][_in]=${inScope},${outOfScope}&fields=id`, { token })).status).toBe(
			403,
		);
		for (const file of [inScope, outOfScope]) {
			expect((await call('GET', `/files/${file}`, { token })).status).toBe(403);
			expect((await fetchAs(token, `/assets/${file}`)).status).toBe(403);
		}
		// the workspace: the complaint lists its file and serves it
		const view = await call('GET', `/workspace/complaints/${inComplaint}`, { token });
		expect(view.status).toBe(200);
		expect(view.body.data.photos.map((photo: { id: string }) => photo.id)).toEqual([inScope]);
		const served = await fetchAs(token, `/workspace/complaints/${inComplaint}/files/${inScope}`);
		expect(served.status).toBe(200);
		expect(served.text).toContain('%PDF-1.4 scanned letter');
		// out of scope: the complaint and its file are refused, even under an in-scope complaint
		expect((await call('GET', `/workspace/complaints/${outComplaint}`, { token })).status).toBe(403);
		expect((await fetchAs(token, `/workspace/complaints/${outComplaint}/files/${outOfScope}`)).status).toBe(403);
		const smuggled = await fetchAs(token, `/workspace/complaints/${inComplaint}/files/${outOfScope}`);
		expect(smuggled.status).toBe(403);
		expect(smuggled.text).not.toContain('scanned letter');
	});

	it('the director general gets both through the workspace, never through /files; elected officials get none', async () => {
		const dgs = await loginAs('dgs');
		expect(
			(await call('GET', `/files?filter[id][_in]=${inScope},${outOfScope}&fields=id`, { token: dgs })).status,
		).toBe(403);
		expect((await fetchAs(dgs, `/workspace/complaints/${inComplaint}/files/${inScope}`)).status).toBe(200);
		expect((await fetchAs(dgs, `/workspace/complaints/${outComplaint}/files/${outOfScope}`)).status).toBe(200);
		const elu = await loginAs('elu');
		expect((await call('GET', `/files?fields=id`, { token: elu })).status).toBe(403);
		expect((await fetchAs(elu, `/assets/${inScope}`)).status).toBe(403);
		expect((await fetchAs(elu, `/workspace/complaints/${inComplaint}/files/${inScope}`)).status).toBe(403);
		expect((await fetchAs(elu, `/workspace/complaints/${outComplaint}/files/${outOfScope}`)).status).toBe(403);
	});
});
