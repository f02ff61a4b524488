#!/usr/bin/env bash
# Write-path benchmark: push a large file as an artifact (Ocular vs oras) and copy a 20-layer
# image to a second registry (Ocular vs skopeo), each side by side in one run against the same
# loopback docker-registry instances, medians of N rounds. Not part of the test run.
#
#   bash packaging/bench-write.sh [BUILD_DIR] [--mib 200] [--rounds 5] [--layers 20]
#
# Needs: docker-registry, skopeo, python3, GNU time (Debian: time); oras from
# packaging/fetch-tools.sh BUILD_DIR. Prints one table: work, Ocular, peer, ratio, peak RSS.
set -euo pipefail

build=build/default
mib=200
rounds=5
layers=20
while [[ $# -gt 0 ]]; do
    case "$1" in
    --mib) mib=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --layers) layers=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) build=$1; shift ;;
    esac
done

build=$(cd "$build" && pwd)
cli=$build/app/ocular-cli
oras=$build/tools/usr/bin/oras
for need in "$cli" "$oras" /usr/bin/docker-registry /usr/bin/skopeo /usr/bin/python3 /usr/bin/time; do
    if [[ ! -x $need ]]; then
        echo "bench-write: $need is missing (build ocular-cli, run packaging/fetch-tools.sh $build," \
            "apt-get install docker-registry skopeo python3 time)" >&2
        exit 2
    fi
done

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# One docker-registry on a free loopback port with its own storage; prints host:port.
start_registry() {
    local name=$1 port
    port=$(free_port)
    mkdir -p "$work/$name/storage"
    cat >"$work/$name/config.yml" <<EOF
version: 0.1
log: { level: error }
storage:
  filesystem: { rootdirectory: $work/$name/storage }
  delete: { enabled: true }
http: { addr: 127.0.0.1:$port }
EOF
    /usr/bin/docker-registry serve "$work/$name/config.yml" >"$work/$name/log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/v2/')" 2>/dev/null; then
            echo "127.0.0.1:$port"
            return
        fi
        sleep 0.1
    done
    echo "bench-write: docker-registry did not start: $(cat "$work/$name/log")" >&2
    exit 1
}

# Runs a command under GNU time; appends "seconds kib" to the file named by $1.
measure() {
    local out=$1
    shift
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        echo "bench-write: failed: $*" >&2
        cat "$work/stderr" >&2
        exit 1
    }
    cat "$work/time" >>"$out"
}

src=$(start_registry src)
dst=$(start_registry dst)

# The file to push: incompressible bytes, written once.
head -c "$((mib * 1024 * 1024))" /dev/urandom >"$work/big.bin"

# The image to copy: an OCI layout with N distinct gzip layers, put into `src` by skopeo.
python3 - "$work/layout" "$layers" <<'EOF'
import gzip, hashlib, io, json, os, sys, tarfile
root, count = sys.argv[1], int(sys.argv[2])
blobs = os.path.join(root, "blobs", "sha256")
os.makedirs(blobs)
def put(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return digest
layers, diffs = [], []
for i in range(count):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        payload = os.urandom(512 * 1024)
        info = tarfile.TarInfo(f"layer{i}/data.bin")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    diffs.append("sha256:" + hashlib.sha256(raw.getvalue()).hexdigest())
    gz = gzip.compress(raw.getvalue(), mtime=0)
    layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                   "digest": "sha256:" + put(gz), "size": len(gz)})
config = json.dumps({"architecture": "amd64", "os": "linux",
                     "rootfs": {"type": "layers", "diff_ids": diffs}}).encode()
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                  "digest": "sha256:" + put(config), "size": len(config)},
                       "layers": layers}).encode()
index = {"schemaVersion": 2, "manifests": [{
    "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "digest": "sha256:" + put(manifest), "size": len(manifest),
    "annotations": {"org.opencontainers.image.ref.name": "v1"}}]}
with open(os.path.join(root, "index.json"), "w") as f:
    json.dump(index, f)
with open(os.path.join(root, "oci-layout"), "w") as f:
    f.write('{"imageLayoutVersion":"1.0.0"}')
EOF
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:v1" "docker://$src/bench/image:v1"

for round in $(seq "$rounds"); do
    # Fresh repositories each round, so nothing is "already there".
    measure "$work/push.ocular" "$cli" push "$src/push/ocular$round:v1" "$work/big.bin" \
        --artifact-type application/vnd.example.bench
    (cd "$work" && measure "$work/push.oras" "$oras" push --plain-http \
        "$src/push/oras$round:v1" --artifact-type application/vnd.example.bench big.bin)
    measure "$work/copy.ocular" "$cli" copy "$src/bench/image:v1" "$dst/copy/ocular$round:v1"
    measure "$work/copy.skopeo" skopeo copy -q --src-tls-verify=false --dest-tls-verify=false \
        "docker://$src/bench/image:v1" "docker://$dst/copy/skopeo$round:v1"
done

python3 - "$work" "$mib" "$layers" "$rounds" <<'EOF'
import statistics, sys
work, mib, layers, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
def read(name):
    rows = [line.split() for line in open(f"{work}/{name}") if line.strip()]
    return statistics.median(float(r[0]) for r in rows), max(int(r[1]) for r in rows) / 1024
print(f"medians of {rounds} rounds, docker-registry on loopback")
print(f"| work | Ocular | peer | Ocular / peer | peak RSS Ocular / peer |")
print(f"|---|---|---|---|---|")
for work_name, ours, peer, label in (
        (f"push a {mib} MiB file", "push.ocular", "push.oras", "oras push"),
        (f"copy a {layers}-layer image to another registry", "copy.ocular", "copy.skopeo", "skopeo copy")):
    (t1, m1), (t2, m2) = read(ours), read(peer)
    print(f"| {work_name} | {t1:.2f} s | {label} {t2:.2f} s | {t1 / t2:.2f}x | {m1:.0f} / {m2:.0f} MiB |")
EOF
