#!/bin/sh
# Fetch what a real Raspberry Pi boot needs from Debian's armhf archive,
# once, into a cache folder: the GPU firmware (raspi-firmware, component
# non-free-firmware) or the Pi 2's device tree (from linux-image-armmp).
#   usage: tools/pi-fetch.sh firmware|dtb CACHE_DIR
#   firmware: CACHE_DIR/{bootcode.bin,start.elf,fixup.dat,copyright}
#   dtb:      CACHE_DIR/bcm2836-rpi-2-b.dtb
# apt runs with a sources list and state folders of its own under
# CACHE_DIR/apt-firmware or apt-dtb (one each, so that `make -j` may fetch
# both at once; the host's apt and dpkg configuration are not touched);
# the archive is the one the host's own apt already uses for its release.
# Only the files named above are kept: the apt state and the .deb go.
set -eu

what=${1:?usage: tools/pi-fetch.sh firmware|dtb CACHE_DIR}
dir=${2:?usage: tools/pi-fetch.sh firmware|dtb CACHE_DIR}

case $what in
firmware) files="bootcode.bin start.elf fixup.dat copyright" ;;
dtb) files="bcm2836-rpi-2-b.dtb" ;;
*) echo "pi-fetch: unknown item '$what' (firmware or dtb)" >&2; exit 2 ;;
esac

have=1
for f in $files; do [ -s "$dir/$f" ] || have=0; done
[ "$have" -eq 1 ] && exit 0

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
state=$dir/apt-$what
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/sources.list.d" "$state/x"
: > "$state/status"

# The Debian archive and release this host installs from, as its own
# sources name them (so a local mirror or proxy is used as is): the entry
# for the host's codename, else its first one that is not -security or
# -updates. Read without release files, which a fresh host may not have.
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
# shellcheck disable=SC2016,SC2046
set -- $(apt-get indextargets --no-release-info --format '$(RELEASE) $(REPO_URI)' 2>/dev/null |
	awk -v c="$codename" '$1 == c { print; exit } $1 !~ /-/ && !m { m = $0 } END { if (m) print m }' |
	head -n 1)
suite=${1:-} uri=${2:-}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
if [ -z "$uri" ] || [ ! -r "$keyring" ]; then
	echo "pi-fetch: needs a Debian host whose apt installs from the Debian archive" >&2
	echo "pi-fetch: (archive '${uri:-none found}', keyring $keyring)" >&2
	exit 1
fi
echo "deb [signed-by=$keyring] $uri $suite main non-free-firmware" > "$state/sources.list"

o="-q -o APT::Architecture=armhf -o APT::Architectures=armhf"
o="$o -o Dir::Etc::SourceList=$state/sources.list -o Dir::Etc::SourceParts=$state/sources.list.d"
o="$o -o Dir::State::Lists=$state/lists -o Dir::State::status=$state/status"
o="$o -o Dir::Cache=$state/cache"
echo "pi-fetch: $what from $uri $suite (armhf) into $dir"
# shellcheck disable=SC2086
apt-get $o update > "$state/update.log" 2>&1 || {
	cat "$state/update.log" >&2
	echo "pi-fetch: apt-get update failed" >&2
	exit 1
}

if [ "$what" = firmware ]; then
	pkg=raspi-firmware
else
	# linux-image-armmp is a metapackage: its dependency is the real image.
	# shellcheck disable=SC2086
	pkg=$(apt-cache $o depends linux-image-armmp |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1)
	[ -n "$pkg" ] || { echo "pi-fetch: cannot resolve linux-image-armmp" >&2; exit 1; }
fi
rm -f "$state"/*.deb
# shellcheck disable=SC2086
(cd "$state" && apt-get $o download "$pkg") > "$state/download.log" 2>&1 || {
	cat "$state/download.log" >&2
	echo "pi-fetch: apt-get download $pkg failed" >&2
	exit 1
}
deb=$(ls "$state"/"$pkg"_*.deb)

# The firmware package is small: unpack it whole (dpkg -x) and keep the
# three boot files (usr/lib/raspi-firmware/) and their licence (copyright). The
# kernel package is not: take only the dtb out of usr/lib/linux-image-*/.
rm -rf "$state/x"
mkdir -p "$state/x"
if [ "$what" = firmware ]; then
	dpkg -x "$deb" "$state/x"
else
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$state/x" --wildcards '*/bcm2836-rpi-2-b.dtb'
fi
for f in $files; do
	src=$(find "$state/x" -name "$f" -type f | head -n 1)
	[ -n "$src" ] || { echo "pi-fetch: $f is not in $(basename "$deb")" >&2; exit 1; }
	cp "$src" "$dir/$f"
done
base=$(basename "$deb" .deb)
rm -rf "$state"   # the apt lists and the .deb are no longer needed
echo "pi-fetch: $base: $files"
