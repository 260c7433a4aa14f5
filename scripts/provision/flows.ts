// The platform's flows. Directus Core allows 5 active flows; the platform
// uses one: "Suivi des délais (SLA)", every 5 minutes, whose only operation is
// the casa-core `sla-sweep` (extensions/casa-core/src/operations/sla-sweep).
// Created once with fixed ids; afterwards whatever an administrator changes
// (status, schedule, options) is kept.
import { createFlow, createOperation, readFlows, readOperations, updateFlow } from '@directus/sdk';
import { type AdminClient, hasErrorCode } from './client';

export const SLA_FLOW_ID = '7a0c5b7e-2001-4c1a-9c55-ca5a00002001';
export const SLA_OPERATION_ID = '7a0c5b7e-2002-4c1a-9c55-ca5a00002002';
export const SLA_SWEEP_CRON = '*/5 * * * *';

/** The operation's options as first provisioned (the flow editor shows them). */
export const SLA_SWEEP_DEFAULT_OPTIONS = { at_risk_share: null, raise_priority: true, legal_warning_days: 10 };

export async function provisionFlows(client: AdminClient, log: (message: string) => void = () => {}): Promise<void> {
	const flows = (await client.request(
		readFlows({ filter: { id: { _eq: SLA_FLOW_ID } }, fields: ['id', 'operation'], limit: 1 }),
	)) as { id: string; operation: string | null }[];
	let flow = flows[0];
	if (!flow) {
		const definition = {
			id: SLA_FLOW_ID,
			name: 'Suivi des délais (SLA)',
			icon: 'timer',
			color: '#0E5A8A',
			description:
				'Toutes les 5 minutes : état des délais des réclamations ouvertes et alertes (agent et équipe, chef de service, directeur général des services), une fois par niveau.',
			trigger: 'schedule',
			options: { cron: SLA_SWEEP_CRON },
			// each run and its counts appear in the flow's logs
			accountability: 'all',
			status: 'active',
		};
		try {
			await client.request(createFlow(definition as never));
			log('flow "Suivi des délais (SLA)" created');
		} catch (error) {
			// Core allows 5 active flows: never fail a start for that, say what to do instead
			if (!hasErrorCode(error, 'LIMIT_EXCEEDED')) throw error;
			await client.request(createFlow({ ...definition, status: 'inactive' } as never));
			log(
				'flow "Suivi des délais (SLA)" created INACTIVE: the licence allows no more active flows; deactivate another flow, then activate it',
			);
		}
		flow = { id: SLA_FLOW_ID, operation: null };
	}
	// an administrator may have rewired the flow: only a flow without a first operation gets ours
	if (flow.operation) return;
	const operations = (await client.request(
		readOperations({ filter: { id: { _eq: SLA_OPERATION_ID } }, fields: ['id'], limit: 1 }),
	)) as { id: string }[];
	if (operations.length === 0) {
		await client.request(
			createOperation({
				id: SLA_OPERATION_ID,
				flow: SLA_FLOW_ID,
				key: 'sla_sweep',
				name: 'Suivi des délais (SLA)',
				type: 'sla-sweep',
				position_x: 19,
				position_y: 1,
				options: SLA_SWEEP_DEFAULT_OPTIONS,
				resolve: null,
				reject: null,
			} as never),
		);
		log('operation sla-sweep created');
	}
	await client.request(updateFlow(SLA_FLOW_ID, { operation: SLA_OPERATION_ID } as never));
}
