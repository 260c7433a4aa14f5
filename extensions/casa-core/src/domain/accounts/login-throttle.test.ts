import { describe, expect, it } from 'vitest';
import { LOGIN_RULES, jwtSubject, minutesToWait, throttleKeys } from './login-throttle';

describe('login throttle', () => {
	it('keys an attempt by account and address, account alone and address alone', () => {
		expect(throttleKeys(' Agent.Voirie@Casablanca.ma ', '203.0.113.5')).toEqual({
			LOGIN_PAIR: 'agent.voirie@casablanca.ma|203.0.113.5',
			LOGIN_ACCOUNT: 'agent.voirie@casablanca.ma',
			LOGIN_ADDRESS: '203.0.113.5',
		});
		expect(throttleKeys(undefined, '1.2.3.4')).toBeNull();
		expect(throttleKeys({ $ne: '' }, '1.2.3.4')).toBeNull();
	});

	it('slows a pair down before the account, and the account before any suspension threshold of 10', () => {
		const [pair, account] = LOGIN_RULES;
		expect(pair.points).toBeLessThan(account.points);
		expect(account.points).toBeLessThan(10);
	});

	it('rounds the wait up to whole minutes', () => {
		expect(minutesToWait(1)).toBe(1);
		expect(minutesToWait(61)).toBe(2);
	});

	it('reads the user of a Directus token without trusting anything else', () => {
		const token = (payload: object) => `x.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.y`;
		expect(jwtSubject(token({ id: 'u1', iss: 'directus' }))).toBe('u1');
		expect(jwtSubject(token({ id: 'u1', iss: 'other' }))).toBeNull();
		expect(jwtSubject('static-token')).toBeNull();
		expect(jwtSubject('a.%%%.b')).toBeNull();
		expect(jwtSubject(undefined)).toBeNull();
	});
});
