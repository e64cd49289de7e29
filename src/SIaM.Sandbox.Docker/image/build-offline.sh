#!/usr/bin/env bash
# Builds the SIaM sandbox image without a registry: debootstrap of Debian packages -> docker import.
# Usage: build-offline.sh IMAGE_TAG   (e.g. siam-sandbox:0123456789ab; `siam sandbox build-image` passes it)
# The debootstrap rootfs is cached as a tarball under $SIAM_CACHE (default /var/cache/siam), keyed by the package
# list, so a rebuild after a worker change takes seconds. Needs root and debootstrap (engine-up.sh installs it).
set -euo pipefail
TAG="$1"
HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="${SIAM_CACHE:-/var/cache/siam}"
SUITE="${SIAM_DEBIAN_SUITE:-bookworm}"
MIRROR="${SIAM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PACKAGES="python3,python3-sympy,python3-numpy,python3-scipy"
KEY="$(printf '%s|%s|%s' "$SUITE" "$PACKAGES" v1 | sha256sum | cut -c1-12)"
BASE="$CACHE/rootfs-$SUITE-$KEY.tar"
mkdir -p "$CACHE"
if [ ! -s "$BASE" ]; then
  ROOTFS="$(mktemp -d "$CACHE/rootfs.XXXXXX")"
  trap 'rm -rf "$ROOTFS"' EXIT
  echo "build-offline: debootstrap $SUITE ($PACKAGES) -> $BASE (about a minute)"
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOTFS" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap.log" >&2; exit 1; }
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc \
         "$ROOTFS"/usr/share/man "$ROOTFS"/usr/share/info "$ROOTFS"/usr/share/locale
  tar --numeric-owner -C "$ROOTFS" -cf "$BASE.tmp" .
  mv "$BASE.tmp" "$BASE"
  rm -rf "$ROOTFS"
  trap - EXIT
fi
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/opt/siam"
install -m 0644 "$HERE/worker.py" "$STAGE/opt/siam/worker.py"
cp "$BASE" "$STAGE/image.tar"
tar --numeric-owner --owner=0 --group=0 -C "$STAGE" -rf "$STAGE/image.tar" ./opt/siam/worker.py
docker import \
  --change 'ENV PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC PATH=/usr/local/bin:/usr/bin:/bin' \
  --change 'USER 65534:65534' --change 'WORKDIR /tmp' \
  --change 'CMD ["python3", "-u", "/opt/siam/worker.py"]' \
  --message "siam sandbox (offline build, $SUITE: $PACKAGES)" \
  "$STAGE/image.tar" "$TAG" >/dev/null
echo "build-offline: built $TAG ($(docker image inspect --format '{{.Id}}' "$TAG"))"
