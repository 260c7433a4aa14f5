import { describe, expect, it } from 'vitest';
import { apiUrl, errorMessage, fieldErrors, normaliseAssignees, normaliseOptions } from './api';

const refusal = (errors: unknown[]) => ({ response: { status: 400, data: { errors } } });

describe('errorMessage', () => {
	it('shows the server sentence, never the code', () => {
		const reason = refusal([
			{ message: 'Cette réclamation est déjà résolue.', extensions: { code: 'INVALID_TRANSITION' } },
		]);
		expect(errorMessage(reason, 'generic')).toBe('Cette réclamation est déjà résolue.');
	});
	it('joins several sentences once each', () => {
		expect(errorMessage(refusal([{ message: 'A.' }, { message: 'A.' }, { message: 'B.' }]), 'g')).toBe('A. B.');
	});
	it('falls back to a sentence of ours when the server said nothing', () => {
		expect(errorMessage(new Error('Network Error'), 'Réessayez.')).toBe('Réessayez.');
		expect(errorMessage(refusal([{ extensions: { code: 'FORBIDDEN' } }]), 'Réessayez.')).toBe('Réessayez.');
		expect(errorMessage(undefined, 'Réessayez.')).toBe('Réessayez.');
	});
	it('maps field errors', () => {
		expect(
			fieldErrors(refusal([{ message: 'Trop court.', extensions: { field: 'public_reply' } }, { message: 'x' }])),
		).toEqual({ public_reply: 'Trop court.' });
	});
});

describe('normaliseOptions', () => {
	it('accepts options or user rows', () => {
		expect(normaliseOptions([{ value: 'u1', label: 'Youssef' }])).toEqual([{ value: 'u1', label: 'Youssef' }]);
		expect(normaliseOptions([{ id: 'u2', first_name: 'Sara', last_name: 'Bennani' }])).toEqual([
			{ value: 'u2', label: 'Sara Bennani' },
		]);
		expect(normaliseOptions([{ id: 'u3' }, null, 'x'])).toEqual([]);
		expect(normaliseOptions({ data: [] })).toEqual([]);
	});
});

describe('apiUrl', () => {
	it('puts a server path under the API root', () => {
		const api = { defaults: { baseURL: '/' } } as never;
		expect(apiUrl(api, '/workspace/complaints/1/files/2?size=thumb')).toBe(
			'/workspace/complaints/1/files/2?size=thumb',
		);
		expect(apiUrl({ defaults: { baseURL: 'https://x.ma/directus/' } } as never, '/workspace/a')).toBe(
			'https://x.ma/directus/workspace/a',
		);
		expect(apiUrl(api, null)).toBe('');
	});
});

describe('normaliseAssignees', () => {
	it("reads the server's teams and agents, an agent once", () => {
		const data = {
			teams: [{ value: 't1', label: 'Propreté · Anfa' }],
			agents: [
				{ value: 'u1', label: 'Youssef', team: 't1', team_label: 'Propreté · Anfa' },
				{ value: 'u1', label: 'Youssef', team: 't2' },
			],
		};
		expect(normaliseAssignees(data)).toEqual({
			teams: [{ value: 't1', label: 'Propreté · Anfa' }],
			agents: [{ value: 'u1', label: 'Youssef', team: 't1', team_label: 'Propreté · Anfa' }],
		});
	});
	it('takes a bare list as agents', () => {
		expect(normaliseAssignees([{ value: 'u1', label: 'Sara' }])).toEqual({
			teams: [],
			agents: [{ value: 'u1', label: 'Sara' }],
		});
		expect(normaliseAssignees(null)).toEqual({ teams: [], agents: [] });
	});
});
