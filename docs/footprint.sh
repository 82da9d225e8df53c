#!/bin/bash
# Start-up and resident memory of the packaged jar, idle and under 60 s of ticket load (docs/performance.md, "Footprint").
# Usage, after mvn package: bash docs/footprint.sh H2
#    or: TOUCHPOINT_DB_URL=jdbc:postgresql://127.0.0.1:5432/<new database> TOUCHPOINT_DB_USER=postgres \
#          bash docs/footprint.sh PostgreSQL --spring.profiles.active=postgres
set -u
jar=$(ls "$(dirname "$0")"/../target/touchpoint-*.jar | head -1)
label=$1; shift
dir=$(mktemp -d /tmp/fp.XXXX)
port=18080
start=$(date +%s.%N)
java -jar "$jar" --server.port=$port --touchpoint.data-dir=$dir \
  --touchpoint.limits.per-client=1000000 --touchpoint.limits.per-recipient=1000000 "$@" > $dir/app.log 2>&1 &
pid=$!
until curl -sf localhost:$port/actuator/health/readiness >/dev/null; do sleep 0.2; done
ready=$(date +%s.%N)
echo "$label ready after $(echo "$ready - $start" | bc) s; $(grep -o 'Started TouchpointApplication in [0-9.]* seconds' $dir/app.log); load $(cut -d' ' -f1-3 /proc/loadavg)"
sleep 20
echo "$label RSS idle 20 s after ready: $(grep VmRSS /proc/$pid/status)"
# load: 8 clients posting tickets for 60 s
end=$(( $(date +%s) + 60 )); max=0
for c in 1 2 3 4 5 6 7 8; do
  ( n=0; while [ $(date +%s) -lt $end ]; do n=$((n+1));
     curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -X POST localhost:$port/api/tickets \
      -d "{\"subject\":\"Line down $c-$n\",\"description\":\"No dial tone\",\"category\":\"OUTAGE\",\"priority\":\"P2\",\"requesterEmail\":\"fp$c-$n@example.com\",\"requesterName\":\"Client $c\"}"
   done > $dir/codes.$c ) &
done
while [ $(date +%s) -lt $end ]; do r=$(awk '/VmRSS/{print $2}' /proc/$pid/status); [ $r -gt $max ] && max=$r; sleep 1; done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null
sleep 2
echo "$label RSS under load max: $((max/1024)) MB; answers: $(cat $dir/codes.* | sort | uniq -c | tr '\n' ' '); load $(cut -d' ' -f1-3 /proc/loadavg)"
kill $pid; wait $pid 2>/dev/null
echo "$label log errors: $(grep -c ' ERROR ' $dir/app.log)"
