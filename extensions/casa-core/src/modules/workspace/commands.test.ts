import { describe, expect, it } from 'vitest';
import { commandBody, directionsUrl, emptyValues, missingInputs, primaryCommand, runsAtOnce } from './commands';

const offer = (command: string, inputs: string[] = []) => ({ command, label: command, inputs });

describe('primaryCommand', () => {
	it('offers the move that gets the work done first', () => {
		expect(primaryCommand([offer('note'), offer('resolve'), offer('attach')])?.command).toBe('resolve');
		expect(primaryCommand([offer('note'), offer('claim')])?.command).toBe('claim');
		expect(primaryCommand([offer('something_new'), offer('note')])?.command).toBe('note');
		expect(primaryCommand([])).toBeNull();
	});
});

describe('runsAtOnce', () => {
	it('runs claim and start on one tap, never closing or a form', () => {
		expect(runsAtOnce(offer('claim'))).toBe(true);
		expect(runsAtOnce(offer('start'))).toBe(true);
		expect(runsAtOnce(offer('close'))).toBe(false);
		expect(runsAtOnce(offer('resolve', ['public_reply']))).toBe(false);
	});
});

describe('missingInputs', () => {
	it('asks for each required text', () => {
		expect(missingInputs('resolve', ['public_reply'], emptyValues())).toEqual(['public_reply']);
		expect(missingInputs('resolve', ['public_reply'], { ...emptyValues(), public_reply: '   ' })).toEqual([
			'public_reply',
		]);
		expect(
			missingInputs('resolve', ['public_reply'], { ...emptyValues(), public_reply: 'Le dépôt a été enlevé.' }),
		).toEqual([]);
		expect(missingInputs('attach', ['file'], emptyValues())).toEqual(['file']);
	});
	it('needs a team or an agent to assign', () => {
		expect(missingInputs('assign', ['team', 'assignee'], emptyValues())).toEqual(['assignee']);
		expect(missingInputs('assign', ['team', 'assignee'], { ...emptyValues(), team: 't1' })).toEqual([]);
		expect(missingInputs('assign', ['team', 'assignee'], { ...emptyValues(), assignee: 'auto' })).toEqual([]);
	});
	it('needs a field and a value for a correction, the reason is optional', () => {
		expect(missingInputs('correct', ['field', 'value'], emptyValues())).toEqual(['field', 'value']);
		expect(
			missingInputs('correct', ['field', 'value'], { ...emptyValues(), field: 'address', value: 'Rue 5' }),
		).toEqual([]);
	});
});

describe('commandBody', () => {
	it('sends what the contract asks, trimmed', () => {
		const values = {
			...emptyValues(),
			public_reply: ' Fait. ',
			rejection_reason: 'Hors compétence',
			redirected_to: '',
			category: 'PROP-02',
			team: '',
			assignee: 'auto',
			body: 'Vu sur place',
			field: 'citizen_phone',
			value: '0612345678 ',
			reason: 'erreur de saisie',
		};
		expect(commandBody('resolve', values)).toEqual({ public_reply: 'Fait.' });
		expect(commandBody('reject', values)).toEqual({ rejection_reason: 'Hors compétence' });
		expect(commandBody('reject', { ...values, redirected_to: 'Lydec' })).toEqual({
			rejection_reason: 'Hors compétence',
			redirected_to: 'Lydec',
		});
		expect(commandBody('requalify', values)).toEqual({ category: 'PROP-02' });
		expect(commandBody('assign', values)).toEqual({ assignee: 'auto' });
		expect(commandBody('note', values)).toEqual({ body: 'Vu sur place' });
		expect(commandBody('correct', values)).toEqual({
			field: 'citizen_phone',
			value: '0612345678',
			reason: 'erreur de saisie',
		});
		expect(commandBody('correct', { ...values, reason: ' ' })).toEqual({ field: 'citizen_phone', value: '0612345678' });
		expect(commandBody('claim', values)).toEqual({});
	});
});

describe('directionsUrl', () => {
	it('points Google Maps at the complaint', () => {
		expect(directionsUrl(33.5463, -7.6787)).toBe(
			'https://www.google.com/maps/dir/?api=1&destination=33.546300,-7.678700',
		);
		expect(directionsUrl(null, -7.6)).toBeNull();
		expect(directionsUrl(Number.NaN, 1)).toBeNull();
	});
});
