// The sweep itself lives in adapters/sla/sla-sweep.ts (its SQL in
// adapters/sla/sweep-queries.ts, its rules in domain/sla/); this operation only
// wires it to the flow. Re-exported here for the tests that name this path.
export {
	SWEEP_LOCK_KEY,
	type RunSlaSweepInput,
	type SweepCounts,
	type SweepResult,
	runSlaSweep,
} from '../../adapters/sla/sla-sweep';
