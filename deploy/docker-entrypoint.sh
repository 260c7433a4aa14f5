#!/usr/bin/env bash
# Entry point of the production image.
#   provision  wait for the database (and Redis), bootstrap, provision, exit: one run per deployment
#   serve      wait for them, then run Directus (default; any number of replicas)
#   start      provision and serve in one process (a single instance)
# Outside Docker: CASA_APP_DIR=<project> deploy/docker-entrypoint.sh <command>
set -euo pipefail

app_dir="${CASA_APP_DIR:-/app}"
command="${1:-serve}"
wait_seconds="${CASA_WAIT_SECONDS:-120}"

log() { printf '[entrypoint] %s\n' "$*" >&2; }

# a TCP connection with bash alone: the slim image has no nc or pg_isready
wait_for() {
	local name="$1" host="$2" port="$3" waited=0
	until (exec 3<>"/dev/tcp/${host}/${port}") 2>/dev/null; do
		if ((waited >= wait_seconds)); then
			log "${name} at ${host}:${port} is not reachable after ${wait_seconds} s"
			exit 69
		fi
		((waited == 0)) && log "waiting for ${name} at ${host}:${port}"
		sleep 1
		waited=$((waited + 1))
	done
}

case "${command}" in
	provision | serve | start) ;;
	*)
		log "unknown command '${command}' (provision, serve or start)"
		exit 64
		;;
esac

if [[ "${DB_CLIENT:-sqlite3}" == "pg" ]]; then
	wait_for PostgreSQL "${DB_HOST:-127.0.0.1}" "${DB_PORT:-5432}"
fi
redis_url="${REDIS:-${REDIS_URL:-}}"
if [[ -n "${redis_url}" ]]; then
	# redis[s]://[user:password@]host[:port][/db]
	authority="${redis_url#*://}"
	authority="${authority%%/*}"
	authority="${authority##*@}"
	redis_host="${authority%%:*}"
	redis_port="${authority##*:}"
	[[ "${redis_port}" == "${authority}" ]] && redis_port=6379
	wait_for Redis "${redis_host}" "${redis_port}"
fi

log "${command}"
exec node "${app_dir}/deploy/dist/casa.mjs" "${command}"
