#!/bin/sh
# Check build/sdcard.img as the Pi's boot ROM and firmware will read it:
# the MBR (one bootable FAT32-LBA partition), the FAT32 file system
# (through mtools, and fsck.fat on a copy), the files on it, and that each
# is byte-identical to what the build made. Prints one line per check and
# "sdcard: N passed, N failed"; the counts go to BUILD/sdcard.counts.
#   usage: tests/sdcard/test-sdcard.sh [BUILD_DIR]
set -u

B=${1:-build}
img=$B/sdcard.img
stage=$B/sdcard
work=$B/sdcard-test
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "PASS $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }

# check NAME REASON-IF-FAILED COMMAND...
check() {
	name=$1 why=$2
	shift 2
	if "$@" > /dev/null 2>&1; then ok "$name"; else bad "$name" "$why"; fi
}

# The unsigned little-endian number of $2 bytes at offset $1 of the image.
le() {
	od -An -tu"$2" -j"$1" -N"$2" "$img" | tr -d ' '
}

finish() {
	mkdir -p "$B"
	echo "$pass $fail" > "$B/sdcard.counts"
	echo "sdcard: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}

if [ ! -s "$img" ]; then
	bad image "$img is missing: run make sdcard"
	finish
fi
rm -rf "$work"
mkdir -p "$work"
size=$(stat -c %s "$img")

# --- The MBR: signature, one partition, bootable, type 0x0c, inside the image.
check mbr-signature "no 55 aa at byte 510" test "$(od -An -tx1 -j510 -N2 "$img" | tr -d ' ')" = 55aa
check partition1-bootable "status byte is not 0x80" test "$(le 446 1)" -eq 128
check partition1-type-fat32-lba "type is not 0x0c" test "$(le 450 1)" -eq 12
start=$(le 454 4)
count=$(le 458 4)
check partition1-in-image "sectors $start+$count do not fit $size bytes" \
	test "$start" -gt 0 -a $(((start + count) * 512)) -le "$size"
check partition1-aligned "starts at sector $start, not on a 1 MiB boundary" \
	test $((start % 2048)) -eq 0
check partitions2-4-empty "entries 2-4 are not all zero" \
	test "$(od -v -An -tx1 -j462 -N48 "$img" | tr -d ' \n' | tr -d 0)" = ""

# --- The file system, as mtools sees it at the partition's offset.
part="$img@@$((start * 512))"
check fat32-boot-sector "no 'FAT32   ' file system type in the boot sector" \
	test "$(dd if="$img" bs=1 skip=$((start * 512 + 82)) count=8 2>/dev/null)" = "FAT32   "
check fat32-hidden-sectors "hidden sectors is not the partition's start" \
	test "$(le $((start * 512 + 28)) 4)" -eq "$start"
dd if="$img" of="$work/part.img" bs=512 skip="$start" count="$count" 2>/dev/null
check fsck-fat "fsck.fat -n finds errors" fsck.fat -n "$work/part.img"

mdir -b -i "$part" :: > "$work/dir.txt" 2>&1
sed 's|^::/||' "$work/dir.txt" | sort > "$work/names.txt"
printf '%s\n' bootcode.bin cmdline.txt config.txt firmware-copyright.txt fixup.dat \
	initramfs.cpio kernel7.img start.elf | sort > "$work/want.txt"
check file-list "the card holds $(tr '\n' ' ' < "$work/names.txt")" cmp -s "$work/names.txt" "$work/want.txt"

# --- Each file is byte-identical to the build's.
same() {
	rm -f "$work/$1"
	mcopy -n -i "$part" "::$1" "$work/$1" && cmp -s "$work/$1" "$2"
}
check kernel7.img-identical "differs from $B/kernel7.img" same kernel7.img "$B/kernel7.img"
check initramfs.cpio-identical "differs from $B/initramfs.cpio" same initramfs.cpio "$B/initramfs.cpio"
for f in bootcode.bin start.elf fixup.dat firmware-copyright.txt config.txt cmdline.txt; do
	check "$f-identical" "differs from $stage/$f" same "$f" "$stage/$f"
done

# --- What the firmware will read in config.txt and cmdline.txt.
cfg=$work/config.txt
setting() { grep -qx "$1" "$cfg"; }
check config-arm_64bit "no 'arm_64bit=0'" setting 'arm_64bit=0'
check config-kernel "no 'kernel=kernel7.img'" setting 'kernel=kernel7.img'
check config-enable_uart "no 'enable_uart=1'" setting 'enable_uart=1'
check config-initramfs "no 'initramfs initramfs.cpio followkernel'" \
	setting 'initramfs initramfs.cpio followkernel'
check config-disable-bt "no 'dtoverlay=disable-bt' for the Pi 3" setting 'dtoverlay=disable-bt'
clock=$(sed -n 's/^#define UART_CLOCK \([0-9]*\).*/\1/p' kernel/main.c)
check config-uart-clock-matches-kernel "init_uart_clock is not the kernel's UART_CLOCK ($clock)" \
	setting "init_uart_clock=$clock"
# Each setting directly follows the comment that explains it.
uncommented=$(awk '/^[^#[]/ && prev !~ /^#/ { print NR } { prev = $0 }' "$cfg")
check config-each-setting-commented "setting on line(s) $uncommented has no comment above" \
	test -z "$uncommented"
check cmdline-one-line "cmdline.txt must be one line (the firmware reads the first)" \
	test "$(wc -l < "$work/cmdline.txt")" -eq 1
check cmdline-console "cmdline.txt does not name console=ttyAMA0" grep -q 'console=ttyAMA0' "$work/cmdline.txt"

finish
