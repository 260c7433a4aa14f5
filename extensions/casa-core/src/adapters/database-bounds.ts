// The client-side bound of every PostgreSQL statement. The server enforces
// statement_timeout (DB_OPTIONS, directus.config.ts) but a frozen server
// answers nothing, not even its own cancellation: node-postgres then gives up
// after `query_timeout` ("Query read timeout", a 503 with Retry-After through
// hooks/service-unavailable). Directus's knex configuration cannot carry
// query_timeout (its DB_* keys are camel-cased), so it is set here on the
// driver's defaults (connections made from now on) and on the connections
// already in the pool.
interface PgConnection {
	connectionParameters?: { query_timeout?: number | false };
}

interface KnexLike {
	client: {
		config?: { client?: unknown };
		driver?: { defaults?: Record<string, unknown> };
		pool?: { free?: { resource?: PgConnection }[]; used?: { resource?: PgConnection }[] } | null;
	};
}

/** Returns how many pooled connections were bounded, or null when the database is not PostgreSQL. */
export function boundPgQueries(knex: KnexLike, queryTimeoutMs: number): number | null {
	if (knex.client.config?.client !== 'pg' || !(queryTimeoutMs > 0)) return null;
	const defaults = knex.client.driver?.defaults;
	if (defaults) defaults.query_timeout = queryTimeoutMs;
	const pool = knex.client.pool;
	let bounded = 0;
	for (const entry of [...(pool?.free ?? []), ...(pool?.used ?? [])]) {
		if (entry.resource?.connectionParameters) {
			entry.resource.connectionParameters.query_timeout = queryTimeoutMs;
			bounded++;
		}
	}
	return bounded;
}
