#!/bin/sh
# Build the SD card image for a Raspberry Pi 2 (or a Pi 3 in 32-bit mode),
# without root: an MBR disk with one bootable FAT32 partition (type 0x0c,
# from sector 2048) holding the firmware, kernel7.img, the initramfs,
# config.txt and cmdline.txt. mpartition (mtools) writes the partition
# table, mkfs.fat formats the partition inside the image, mcopy fills it.
#   usage: tools/mksdcard.sh OUT.img FILE...
# Each FILE goes to the card's root folder under its own base name.
set -eu

out=${1:?usage: tools/mksdcard.sh OUT.img FILE...}
shift

DISK_MIB=64        # the whole image: small to write, room to spare
START=2048         # first sector of the partition: 1 MiB, aligned for flash
SECTORS=$((DISK_MIB * 2048 - START))

tmp=$out.tmp
rm -f "$tmp"
truncate -s "${DISK_MIB}M" "$tmp"

# mpartition works on a drive letter: describe the image as drive p:.
rc=$tmp.mtoolsrc
printf 'drive p: file="%s" partition=1\nmtools_skip_check=1\n' "$tmp" > "$rc"
MTOOLSRC=$rc mpartition -I p: 2>/dev/null   # (it warns: no active partition yet)
MTOOLSRC=$rc mpartition -c -T 0x0c -b "$START" -l "$SECTORS" -a p:
rm -f "$rc"

# FAT32 with 512-byte clusters (FAT32 needs at least 65525 clusters), the
# partition's start as its hidden sectors, and a fixed volume id and no
# timestamps of its own (--invariant), so the same files give the same image.
mkfs.fat -F 32 -s 1 -h "$START" -n KESTREL --invariant --offset "$START" "$tmp" \
	$((SECTORS / 2)) > /dev/null

for f in "$@"; do
	mcopy -m -i "$tmp@@$((START * 512))" "$f" "::$(basename "$f")"
done
mv "$tmp" "$out"
