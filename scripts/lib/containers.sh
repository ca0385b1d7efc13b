# Sourced by scripts/build-images and scripts/ci-smoke: where buildah keeps its images, and how
# it is called. No Docker engine is needed: buildah builds the Dockerfiles with the vfs storage
# driver and chroot isolation, which work as root on a plain machine or inside a CI container.
#
#   MW_CONTAINERS   folder for everything: image storage, the cached base rootfs, smoke-run trees
#                   (default: .containers/ in the checkout; `rm -rf` it to start over)

MW_CONTAINERS="${MW_CONTAINERS:-$PWD/.containers}"
export BUILDAH_ISOLATION=chroot

# buildah on our own storage, never the machine's default /var/lib/containers.
bh() {
  buildah --root "$MW_CONTAINERS/storage" --runroot "$MW_CONTAINERS/run" --storage-driver vfs "$@"
}

# The base image under the name Docker gives it, so `FROM debian:bookworm-slim` finds it locally.
BASE_IMAGE=docker.io/library/debian:bookworm-slim

die() { echo "$(basename "$0"): error: $*" >&2; exit 1; }
say() { echo "== $*" >&2; }

# Milliseconds since the epoch, and "12.3 s" since a value of it.
now_ms() { date +%s%3N; }
since() { local t=$(( $(now_ms) - $1 )); printf '%d.%d s' $((t / 1000)) $((t % 1000 / 100)); }
