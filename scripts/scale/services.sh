#!/usr/bin/env bash
# Sourced by run.sh: throwaway Postgres and Redis for n8n's queue mode, from Debian's packages,
# in the run's folder, on 127.0.0.1 only. No system service is started or touched: each server
# runs in the foreground of its own process group (setsid), which run.sh's exit trap stops.
# Needs $WORK, stop_group (setup.sh) and free_port (run.sh).

PG_PID=""
REDIS_PID=""

# Debian puts the server binaries in /usr/lib/postgresql/<major>/bin (not on PATH); a
# /usr/local/bin/postgres may point there too. The newest one found wins.
find_pg_bin() {
	local dir
	for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[[ -x "$dir/initdb" && -x "$dir/postgres" ]] && { echo "$dir"; return 0; }
	done
	if command -v initdb >/dev/null && command -v postgres >/dev/null; then
		dirname "$(readlink -f "$(command -v postgres)")"
		return 0
	fi
	return 1
}

# Installs what is missing, with apt-get, when we may (root). Debian's postgresql package creates
# a default cluster; this run never starts or uses it.
ensure_packages() {
	local missing=()
	find_pg_bin >/dev/null || missing+=(postgresql)
	command -v redis-server >/dev/null || missing+=(redis-server)
	[[ ${#missing[@]} -eq 0 ]] && return 0
	if [[ $(id -u) -ne 0 ]]; then
		echo "missing: ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run as root" >&2
		return 1
	fi
	echo "installing ${missing[*]} from Debian's packages"
	apt-get update >"$WORK/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >>"$WORK/apt.log" 2>&1 \
		|| { tail -n 20 "$WORK/apt.log" >&2; return 1; }
}

# Postgres refuses to run as root: as root the cluster belongs to Debian's `postgres` user.
as_pg_user() {
	if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
	local bin port="$1" i
	bin="$(find_pg_bin)"
	PGDATA_DIR="$WORK/postgres"
	mkdir -p "$PGDATA_DIR"
	if [[ $(id -u) -eq 0 ]]; then
		chown postgres: "$PGDATA_DIR"
		chmod 711 "$WORK" # let the postgres user reach its folder; nothing else here is listed
	fi
	# trust on 127.0.0.1: a throwaway cluster that lives for this run only. No fsync: nothing to keep.
	as_pg_user "$bin/initdb" -D "$PGDATA_DIR" -U n8n --auth=trust -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 \
		|| { cat "$WORK/initdb.log" >&2; return 1; }
	setsid bash -c 'cd / && exec "$@"' _ $( [[ $(id -u) -eq 0 ]] && echo runuser -u postgres -- ) \
		"$bin/postgres" -D "$PGDATA_DIR" -p "$port" -h 127.0.0.1 -k '' \
		-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 \
		>"$WORK/postgres.log" 2>&1 &
	PG_PID=$!
	for i in $(seq 1 150); do
		"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
		kill -0 "$PG_PID" 2>/dev/null || { cat "$WORK/postgres.log" >&2; return 1; }
		sleep 0.2
	done
	"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { echo "postgres did not start" >&2; cat "$WORK/postgres.log" >&2; return 1; }
	"$bin/createdb" -h 127.0.0.1 -p "$port" -U n8n n8n
	echo "postgres $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (pid $PG_PID, data in $PGDATA_DIR)"
}

start_redis() {
	local port="$1" i
	mkdir -p "$WORK/redis"
	# Nothing persisted, loopback only; the config file keeps the command line short.
	cat >"$WORK/redis/redis.conf" <<-EOF
		bind 127.0.0.1
		port $port
		protected-mode yes
		daemonize no
		save ""
		appendonly no
		dir $WORK/redis
		logfile ""
	EOF
	setsid redis-server "$WORK/redis/redis.conf" >"$WORK/redis.log" 2>&1 &
	REDIS_PID=$!
	for i in $(seq 1 100); do
		redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && break
		kill -0 "$REDIS_PID" 2>/dev/null || { cat "$WORK/redis.log" >&2; return 1; }
		sleep 0.1
	done
	redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG || { echo "redis did not start" >&2; return 1; }
	echo "redis $(redis-server --version | awk '{print $3}' | sed 's/v=//') on 127.0.0.1:$port (pid $REDIS_PID)"
}

stop_services() {
	# Postgres: SIGINT is its fast shutdown; stop_group sends TERM (smart) then KILL, so ask first.
	if [[ -n "$PG_PID" ]] && kill -0 "$PG_PID" 2>/dev/null; then
		kill -INT -- "-$PG_PID" 2>/dev/null || true
		for _ in $(seq 1 50); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
	fi
	stop_group "$PG_PID"
	stop_group "$REDIS_PID"
	PG_PID=""
	REDIS_PID=""
}
