#!/bin/sh
# The device trees of the firmware-path QEMU tests (tests/qemu/cases_sdcard.py),
# made from Debian's bcm2836-rpi-2-b.dtb:
#   hyp.dtb        what the Pi firmware would pass: /chosen/bootargs, /memory
#                  set to the ARM's 960 MiB, and the initramfs's place
#   truncated.dtb  the first half of hyp.dtb (its header still claims all)
#   corrupt.dtb    hyp.dtb whose first property claims 2 GiB of value
#   usage: tests/qemu/mkdtbs.sh SRC.dtb OUT_DIR INITRD INITRD_ADDR BOOTARGS
set -eu

src=$1 out=$2 initrd=$3 initrd_addr=$4 bootargs=$5
mkdir -p "$out"

dtb=$out/hyp.dtb
cp "$src" "$dtb.tmp"
fdtput -t s "$dtb.tmp" /chosen bootargs "$bootargs"
fdtput -t x "$dtb.tmp" /memory@0 reg 0 3c000000
fdtput -t x "$dtb.tmp" /chosen linux,initrd-start "$(printf %x $((initrd_addr)))"
fdtput -t x "$dtb.tmp" /chosen linux,initrd-end \
	"$(printf %x $((initrd_addr + $(stat -c %s "$initrd"))))"
mv "$dtb.tmp" "$dtb"

size=$(stat -c %s "$dtb")
head -c $((size / 2)) "$dtb" > "$out/truncated.dtb"

# The structure block starts with the root node: FDT_BEGIN_NODE, its empty
# name padded to 4 bytes, then (in this tree) an FDT_PROP whose length word
# follows its tag.
be32() { od -An -tx1 -j"$2" -N4 "$1" | tr -d ' \n'; }
off=$((0x$(be32 "$dtb" 8)))
if [ "$(be32 "$dtb" $off)" != 00000001 ] || [ "$(be32 "$dtb" $((off + 8)))" != 00000003 ]; then
	echo "mkdtbs: $src does not start with the root node and a property" >&2
	exit 1
fi
cp "$dtb" "$out/corrupt.dtb"
printf '\177\377\377\360' | dd of="$out/corrupt.dtb" bs=1 seek=$((off + 12)) conv=notrunc 2>/dev/null
