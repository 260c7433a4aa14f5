import { afterEach, describe, expect, it, vi } from 'vitest';
import { RedisBreaker } from './redis-fallback';

const logger = () => ({ warn: vi.fn(), info: vi.fn() });
const client = (status = 'ready', ping: () => Promise<unknown> = async () => 'PONG') => ({ status, ping });

describe('RedisBreaker', () => {
	afterEach(() => vi.useRealTimers());

	it('answers from Redis while it answers', async () => {
		const breaker = new RedisBreaker(() => client(), logger(), 50, 10);
		expect(
			await breaker.guard(
				client(),
				async () => 'shared',
				() => 'local',
			),
		).toBe('shared');
		expect(breaker.state().mode).toBe('redis');
	});

	it('passes a limiter’s refusal (not an Error) through, without leaving Redis', async () => {
		const breaker = new RedisBreaker(() => client(), logger(), 50, 10);
		const refusal = { msBeforeNext: 1000 };
		await expect(
			breaker.guard(
				client(),
				() => Promise.reject(refusal),
				() => 'local',
			),
		).rejects.toBe(refusal);
		expect(breaker.isOpen).toBe(false);
	});

	it('falls back at once on an error, then keeps answering locally without asking Redis', async () => {
		const log = logger();
		const breaker = new RedisBreaker(() => client('reconnecting'), log, 50, 10);
		expect(
			await breaker.guard(
				client(),
				() => Promise.reject(new Error('Connection is closed.')),
				() => 'local',
			),
		).toBe('local');
		const primary = vi.fn(async () => 'shared');
		expect(await breaker.guard(client(), primary, () => 'local')).toBe('local');
		expect(primary).not.toHaveBeenCalled();
		expect(breaker.state()).toMatchObject({ mode: 'local', reason: 'Connection is closed.', localCalls: 2 });
		expect(log.warn).toHaveBeenCalledTimes(1);
		breaker.stop();
	});

	it('does not send to a client that is not connected', async () => {
		const breaker = new RedisBreaker(() => null, logger(), 50, 10);
		const primary = vi.fn(async () => 'shared');
		expect(await breaker.guard(client('connecting'), primary, () => 'local')).toBe('local');
		expect(primary).not.toHaveBeenCalled();
		breaker.stop();
	});

	it('gives up on a Redis that holds the call longer than the bound', async () => {
		vi.useFakeTimers();
		const breaker = new RedisBreaker(() => null, logger(), 50, 10);
		const answer = breaker.guard(
			client(),
			() => new Promise<string>(() => {}),
			() => 'local',
		);
		await vi.advanceTimersByTimeAsync(50);
		expect(await answer).toBe('local');
		expect(breaker.state().reason).toMatch(/50 ms/);
		breaker.stop();
	});

	it('returns to Redis by itself once a ping is answered, and drops the local copies', async () => {
		vi.useFakeTimers();
		let redisUp = false;
		const probe = () => client(redisUp ? 'ready' : 'reconnecting');
		const log = logger();
		const breaker = new RedisBreaker(probe, log, 50, 10);
		const dropped = vi.fn();
		breaker.whenRecovered(dropped);
		breaker.trip('connection closed');
		await vi.advanceTimersByTimeAsync(30);
		expect(breaker.isOpen).toBe(true);
		redisUp = true;
		await vi.advanceTimersByTimeAsync(10);
		expect(breaker.isOpen).toBe(false);
		expect(dropped).toHaveBeenCalledOnce();
		expect(log.info).toHaveBeenCalledOnce();
		expect(
			await breaker.guard(
				client(),
				async () => 'shared',
				() => 'local',
			),
		).toBe('shared');
	});

	it('stays local while Redis accepts the connection but does not answer', async () => {
		vi.useFakeTimers();
		const breaker = new RedisBreaker(() => client('ready', () => new Promise(() => {})), logger(), 50, 10);
		breaker.trip('no answer');
		await vi.advanceTimersByTimeAsync(200);
		expect(breaker.isOpen).toBe(true);
		breaker.stop();
	});
});
