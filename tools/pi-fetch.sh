#!/bin/sh
# Fetch what a real Raspberry Pi boot needs from Debian's armhf archive,
# once, into a cache folder: the GPU firmware (raspi-firmware, component
# non-free-firmware) or the Pi 2's device tree (from linux-image-armmp).
#   usage: tools/pi-fetch.sh firmware|dtb CACHE_DIR
#   firmware: CACHE_DIR/{bootcode.bin,start.elf,fixup.dat,copyright}
#   dtb:      CACHE_DIR/bcm2836-rpi-2-b.dtb
# tools/deb-fetch.sh downloads the package with apt state of its own under
# CACHE_DIR/apt-firmware or apt-dtb (one each, so that `make -j` may fetch
# both at once). Only the files named above are kept: the apt state and
# the .deb go.
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
rm -rf "$state"
if [ "$what" = firmware ]; then
	pkg=raspi-firmware
else
	pkg=linux-image-armmp
fi
deb=$("$(dirname "$0")"/deb-fetch.sh "$state" "main non-free-firmware" "$pkg")

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
